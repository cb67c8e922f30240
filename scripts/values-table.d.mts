// Types of scripts/values-table.mjs for the TypeScript tests that import it.
export declare const START: string;
export declare const END: string;
export declare function valuesTable(schema: unknown, values: unknown): string;
export declare function withTable(readme: string, table: string): string;
export declare function chartTable(chartDir: string): string;
