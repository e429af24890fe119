/** Reads a flag's value from argv: each bench's parser walks its flags with this, so both parse alike. */
export interface ArgReader {
  value(): string;
  int(min: number): number;
}

/** Calls `each` for every flag in argv; `read` takes the flag's value from the next argument. */
export function walkArgs(argv: string[], each: (arg: string, read: ArgReader) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const int = (min: number): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${arg} needs an integer >= ${min}`);
      return n;
    };
    each(arg, { value, int });
  }
}
