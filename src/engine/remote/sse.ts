/**
 * An OpenAI-style event stream, read as it arrives: bytes are decoded as UTF-8 in streaming mode (a
 * character split across chunks is held until its last byte comes), and the event-stream grammar (CR, LF
 * or CRLF line ends, comments, multi-line data) is left to eventsource-parser. Yields the `data` of each
 * event; keep-alive comments and empty data are skipped, `[DONE]` ends the stream, and an event the body
 * ends in the middle of is dropped (as the standard says).
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** An event's data larger than this is not a chat chunk: the stream is refused rather than buffered. */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;

export class StreamFormatError extends Error {
  override name = 'RemoteProtocolError';
}

export interface EventStream {
  /** The data of each event, in order, until `[DONE]` or the end of the body. */
  events: AsyncIterable<string>;
  /** Whether `[DONE]` was seen (a body that simply ends may have been cut). */
  readonly done: boolean;
}

export function readEventStream(body: ReadableStream<Uint8Array>): EventStream {
  const state = { done: false };
  async function* events(): AsyncGenerator<string> {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    const queue: string[] = [];
    const failed: { error: Error | null } = { error: null };
    const parser = createParser({
      onEvent: (e: EventSourceMessage) => {
        if (e.data.trim() !== '') queue.push(e.data);
      },
      onError: (e) => {
        if (e.type === 'max-buffer-size-exceeded')
          failed.error = new StreamFormatError('the server sent an event larger than 4 MiB');
      },
      maxBufferSize: MAX_EVENT_CHARS,
    });
    try {
      for (;;) {
        const { value, done } = await reader.read();
        parser.feed(done ? decoder.decode() : decoder.decode(value, { stream: true }));
        if (failed.error) throw failed.error;
        while (queue.length) {
          const data = queue.shift() ?? '';
          if (data.trim() === '[DONE]') {
            state.done = true;
            return;
          }
          yield data;
        }
        if (done) return;
      }
    } finally {
      // Stopped early (a stop, [DONE], an error): cancel the body, which closes the connection.
      await reader.cancel().catch(() => undefined);
    }
  }
  return {
    events: events(),
    get done() {
      return state.done;
    },
  };
}
