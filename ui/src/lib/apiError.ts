import type { CommandErrorKind } from './bindings';

/** A failed command, as the Rust side reports it: a stable kind and a sentence. */
export class ApiError extends Error {
  readonly kind: CommandErrorKind;
  constructor(kind: CommandErrorKind, message: string) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
  }
}

/** The result shape tauri-specta generates for commands that can fail. */
export type CommandOutcome<T> =
  { status: 'ok'; data: T } | { status: 'error'; error: { kind: CommandErrorKind; message: string } };

/**
 * Unwraps a command's outcome: the data, or an ApiError carrying the message
 * the window shows. Anything thrown on the way (IPC down) becomes an ApiError too.
 */
export async function unwrap<T>(outcome: Promise<CommandOutcome<T>>): Promise<T> {
  let result: CommandOutcome<T>;
  try {
    result = await outcome;
  } catch (e) {
    throw new ApiError('internal', `The app did not answer: ${describe(e)}`);
  }
  if (result.status === 'ok') return result.data;
  throw new ApiError(result.error.kind, result.error.message);
}

/** A readable sentence for anything caught in a `catch`. */
export function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return 'Something went wrong.';
}
