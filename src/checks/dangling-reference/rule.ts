export const RULE = "dangling-reference";
