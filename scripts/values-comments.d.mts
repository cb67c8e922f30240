// Types of scripts/values-comments.mjs for the TypeScript tests that import it.
export declare const SCHEMA_HEADER: string;
export declare function commentLines(text: string, indent: string): string[];
export declare function valuesWithComments(text: string, schema: unknown): string;
export declare function undescribedKeys(text: string, schema: unknown): string[];
export declare function chartValuesWithComments(chartDir: string): string;
