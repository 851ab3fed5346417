/** Appends `value` to the list under `key`, in place (copying the list on every append is quadratic in a hub's degree). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
