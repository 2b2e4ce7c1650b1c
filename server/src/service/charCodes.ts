/** The character codes the hand-written scanners compare `charCodeAt` with. */
export const QUOTE = 0x22;
export const DOLLAR = 0x24;
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const STAR = 0x2a;
export const COMMA = 0x2c;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const QUESTION = 0x3f;
export const OPEN_BRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const CLOSE_BRACKET = 0x5d;
export const LOWER_A = 0x61;
export const LOWER_Z = 0x7a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
