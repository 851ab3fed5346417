/**
 * Phone numbers that reach no one (no real PII). Each entry is a block of a national significant number (the
 * digits after the country code, no trunk 0): digits as they are, `x` any digit.
 *
 * Where the regulator reserves numbers for drama and fiction, generated phones come from those blocks only:
 * - NANP (US, CA, KY, VG, BM, BS): 555-0100 to 555-0199 in every area code (NANPA reserves them for fiction).
 * - GB: Ofcom's drama numbers, 1,000 per area (020 7946 0xxx, 0113–0118/0121–0161 496 0xxx, 0191 498 0xxx,
 *   the fictional area 01632 960xxx, mobiles 07700 900xxx).
 * - DE: Bundesnetzagentur's "Drama Numbers" (Amtsblatt 7/2021, Mitteilung 148/2021): Berlin 030 23125 xxx,
 *   Frankfurt 069 90009 xxx, Hamburg 040 66969 xxx, Köln 0221 4710 xxx, München 089 99998 xxx.
 * - FR: ARCEP's numbers for fiction, 01 99 00 xx xx, 02 61 91 xx xx, 03 53 01 xx xx, 04 65 71 xx xx,
 *   05 36 49 xx xx, 06 39 98 xx xx.
 * - AU: ACMA's fictitious numbers, (02/03/07/08) 5550 xxxx and 7010 xxxx, mobiles 0491 570 110 and 156–159.
 * - IE: ComReg's drama range 020 91x xxxx.
 *
 * Every other country (and Sweden, whose 95 reserved mobiles cannot serve a population) gets a national number
 * starting with `00`: no numbering plan here assigns one, since 0 is the trunk prefix and 00 the international
 * prefix, so the number is unassignable by construction and visibly marked. The drama blocks are small (GB about
 * 15,000 numbers, US about 28,000): in very large populations numbers there repeat between unrelated persons.
 */

/** NANP line numbers reserved for fiction in every area code: 555-0100 to 555-0199. */
export const NANP_FICTION_LINE = '55501xx'

/** Real US area codes (any would do: the fiction line numbers are reserved in all of them). */
const US_AREA_CODES = `201 202 203 205 206 207 208 209 210 212 213 214 215 216 217 218 219 224 225 228 229 231 234 239
240 248 251 252 253 254 256 260 262 267 269 270 272 276 281 301 302 303 304 305 307 308 309 310 312 313 314 315 316
317 318 319 320 321 323 325 330 331 334 336 337 339 346 347 351 352 360 361 385 386 401 402 404 405 406 407 408 409
410 412 413 414 415 417 419 423 424 425 430 432 434 435 440 442 443 458 469 470 475 478 479 480 484 501 502 503 504
505 507 508 509 510 512 513 515 516 517 518 520 530 531 534 539 540 541 551 559 561 562 563 567 570 571 573 574 575
580 585 586 601 602 603 605 606 607 608 609 610 612 614 615 616 617 618 619 620 623 626 628 629 630 631 636 641 646
650 651 657 660 661 662 667 669 678 681 682 701 702 703 704 706 707 708 712 713 714 715 716 717 718 719 720 724 725
727 731 732 734 737 740 747 754 757 760 762 763 765 769 770 772 773 774 775 779 781 785 786 801 802 803 804 805 806
808 810 812 813 814 815 816 817 818 828 830 831 832 843 845 847 848 850 856 857 858 859 860 862 863 864 865 870 872
878 901 903 904 906 907 908 909 910 912 913 914 915 916 917 918 919 920 925 928 929 931 936 937 938 940 941 947 949
951 952 954 956 959 970 971 972 973 978 979 980 984 985 989`

const CA_AREA_CODES = `204 226 236 249 250 289 306 343 365 403 416 418 431 437 438 450 506 514 519 548 579 581 587 604
613 639 647 705 709 778 780 782 807 819 825 867 873 902 905`

/** NANP countries' area codes, space-separated: each gets NANP_FICTION_LINE after it. */
export const nanpAreaCodes: Readonly<Record<string, string>> = {
  US: US_AREA_CODES,
  CA: CA_AREA_CODES,
  KY: '345',
  VG: '284',
  BM: '441',
  BS: '242',
}

/** Other countries' blocks. */
export const fictionalPhoneBlocks: Readonly<Record<string, readonly string[]>> = {
  GB: [
    '2079460xxx',
    '1134960xxx',
    '1144960xxx',
    '1154960xxx',
    '1164960xxx',
    '1174960xxx',
    '1184960xxx',
    '1214960xxx',
    '1314960xxx',
    '1414960xxx',
    '1514960xxx',
    '1614960xxx',
    '1914980xxx',
    '1632960xxx',
    '7700900xxx',
  ],
  DE: ['3023125xxx', '6990009xxx', '4066969xxx', '2214710xxx', '8999998xxx'],
  FR: ['19900xxxx', '26191xxxx', '35301xxxx', '46571xxxx', '53649xxxx', '63998xxxx'],
  AU: [
    '25550xxxx',
    '27010xxxx',
    '35550xxxx',
    '37010xxxx',
    '75550xxxx',
    '77010xxxx',
    '85550xxxx',
    '87010xxxx',
    '491570110',
    '491570156',
    '491570157',
    '491570158',
    '491570159',
  ],
  IE: ['2091xxxxx'],
}

/** The national number's start for countries without a drama range: unassignable anywhere (see above). */
export const UNASSIGNED_PREFIX = '00'
