// One call to an OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's server,
// vLLM, hosted services), with Node's fetch, within a time limit, and the answer's JSON
// out of it. Every way the call can fail (the server unreachable, too slow, an HTTP error,
// a body cut short, an envelope that is not a chat completion, an answer cut at its length
// limit, content that is not JSON) is a ModelServerError whose message says which, so the
// caller can fall back to the rule extractor and tell the user why. The key is sent as a
// bearer token and appears in no message.
import type { ModelServerSettings } from '../../config';
import { ExtractionAbortedError } from '../extractionWorkers';
import type { JsonSchema } from './answerSchema';
import type { ChatMessage } from './prompt';

/** The model server failed to give an answer; the message says how (it never holds the key). */
export class ModelServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelServerError';
  }
}

/** The largest answer read from a model server (an extraction is a few kilobytes). */
export const MAX_ANSWER_BYTES = 8 * 2 ** 20;

/** What is sent: the model, the messages, deterministic sampling, and the schema as `response_format`. */
export function completionRequest(model: string, messages: ChatMessage[], schema: JsonSchema): Record<string, unknown> {
  return {
    model,
    messages,
    temperature: 0,
    stream: false,
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'claimgraph_extraction', strict: true, schema },
    },
  };
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** An error's own words (fetch's errors come from another realm than tests', so no instanceof). */
function messageOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { message, code, errors } = error as ErrorLike;
  if (typeof message === 'string' && message !== '') return message;
  // An AggregateError (every address of a host refused) says nothing itself: its first error does.
  if (Array.isArray(errors) && errors.length > 0) return messageOf(errors[0]);
  return typeof code === 'string' ? code : undefined;
}

/** What went wrong underneath a fetch failure ("connect ECONNREFUSED 127.0.0.1:11434"), else the error itself. */
function causeOf(error: unknown): string {
  const cause = messageOf((error as ErrorLike | undefined)?.cause) ?? messageOf(error) ?? String(error);
  return cause.slice(0, 300);
}

/** The body as text, refused past MAX_ANSWER_BYTES. */
async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new ModelServerError(`the model server's answer is larger than ${MAX_ANSWER_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON a model wrote, without the Markdown code fence some models put around it. */
function unfenced(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(content);
  return fenced ? fenced[1] : content;
}

/** The parsed JSON of the model's message, or a ModelServerError saying what was wrong with the envelope or content. */
export function answerContent(text: string): unknown {
  let envelope: { choices?: Array<{ message?: { content?: unknown }; finish_reason?: unknown }> };
  try {
    envelope = JSON.parse(text) as typeof envelope;
  } catch (error) {
    throw new ModelServerError(`the model server's answer is not a chat completion (not JSON: ${causeOf(error)})`);
  }
  const choice = Array.isArray(envelope?.choices) ? envelope.choices[0] : undefined;
  const content = choice?.message?.content;
  if (typeof content !== 'string')
    throw new ModelServerError("the model server's answer is not a chat completion (no choices[0].message.content)");
  if (choice?.finish_reason === 'length')
    throw new ModelServerError('the model\'s answer was cut off at its length limit (finish_reason "length")');
  try {
    return JSON.parse(unfenced(content));
  } catch (error) {
    throw new ModelServerError(`the model's answer is not JSON (${causeOf(error)})`);
  }
}

/**
 * Asks the model server for one completion and returns the JSON of its answer. `signal`
 * (the request's end) stops it with ExtractionAbortedError; the time limit with a
 * ModelServerError, as does every other failure.
 */
export async function requestCompletion(
  server: ModelServerSettings,
  messages: ChatMessage[],
  schema: JsonSchema,
  signal?: AbortSignal,
): Promise<unknown> {
  const where = `the model server at ${server.url}`;
  const timeout = AbortSignal.timeout(server.timeoutMs);
  const stop = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const failed = (error: unknown, during: (cause: string) => string): Error => {
    if (signal?.aborted) return new ExtractionAbortedError();
    if (timeout.aborted) return new ModelServerError(`${where} did not answer within ${server.timeoutMs / 1000} s`);
    if (error instanceof ModelServerError) return error;
    return new ModelServerError(during(causeOf(error)));
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (server.key !== undefined) headers.Authorization = `Bearer ${server.key}`;
  let response: Response;
  try {
    response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify(completionRequest(server.model, messages, schema)),
      signal: stop,
      redirect: 'error',
    });
  } catch (error) {
    throw failed(error, (cause) => `${where} could not be reached (${cause})`);
  }
  let text: string;
  try {
    text = await readBounded(response);
  } catch (error) {
    throw failed(error, (cause) => `the model server's answer ended before it was complete (${cause})`);
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const said = text.trim().replace(/\s+/g, ' ').slice(0, 200);
    throw new ModelServerError(`${where} answered HTTP ${status}${said ? `: ${said}` : ''}`);
  }
  return answerContent(text);
}
