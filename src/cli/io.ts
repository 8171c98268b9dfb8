/** What a command may touch: its arguments, two output streams, and nothing else (testable in-process). */
export interface CliIO {
  stdout(text: string): void;
  /** Resolves once standard output has taken what was written (a slow pipe holds a caseload back, not in memory). */
  drain?: () => Promise<void>;
  stderr(text: string): void;
  /** Colour the text output (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** Standard input, for commands that read `-`. */
  stdin?: import('node:stream').Readable;
  /** A progress bar on standard error, given only when it is a terminal (total: input bytes, when known). */
  progress?: (total: number | undefined) => Progress | undefined;
  /** Present only when standard input and output are both a terminal: what an interactive command reads and writes. */
  terminal?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; columns?: number };
  /** Standard input is a terminal (the interview then asks with prompts; otherwise it reads `fact=value` lines). */
  stdinIsTTY?: boolean;
  /** All of standard input, for commands that read it. */
  readStdin?: () => Promise<string>;
  /** Width to wrap text to; default 80. */
  columns?: number;
}

export interface Progress {
  update(bytes: number, records: number, elapsedMs: number): void;
  stop(): void;
}

/** Exit codes (DESIGN.md): 0 done; 1 done and --fail-on matched; 2 bad input or usage; 3 internal error. */
export const EXIT = { ok: 0, failOn: 1, input: 2, internal: 3 } as const;

/** A usage or input problem that ends the command with exit code 2 and one line per problem. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
