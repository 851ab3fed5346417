/** `import.sh`: the one command that loads the folder into a new Neo4j 5 database (run from this folder). */
export function importScript(nodeFiles: readonly string[], relationshipFiles: readonly string[]): string {
  const lines = [
    '#!/bin/sh',
    '# Loads this folder into a new, empty Neo4j 5 database (default name: fincrime). Run it from this folder with',
    '# neo4j-admin on the PATH and the DBMS stopped, then: CREATE DATABASE fincrime (or set it as the default).',
    'set -eu',
    'cd "$(dirname "$0")"',
    'DATABASE="${1:-fincrime}"',
    'neo4j-admin database import full "$DATABASE" \\',
    '  --id-type=string --array-delimiter=";" --multiline-fields=true \\',
    ...nodeFiles.map((f) => `  --nodes=${f} \\`),
    ...relationshipFiles.map((f) => `  --relationships=${f} \\`),
    '  --verbose',
  ]
  return lines.join('\n') + '\n'
}
