/**
 * A bulk download as a stream of parts, one per transcript, made only as the
 * build reads them. `archive.csv` of a 10,000-transcript archive is some
 * 450 MB: built as one string it ran Astro out of heap (and past V8's longest
 * string); streamed, no part outlives its chunk.
 */
export function streamedResponse(parts: Iterable<string>, contentType: string): Response {
  const encoder = new TextEncoder();
  const iterator = parts[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': contentType } });
}
