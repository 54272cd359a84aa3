/** Runs `count` async jobs with at most `concurrency` in flight; resolves with their results in order. */
export const pool = async <T>(count: number, concurrency: number, job: (index: number) => Promise<T>): Promise<T[]> => {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
};

/** A believable desktop browser User-Agent, distinct per visitor number. */
export const browserUserAgent = (visitor: number | string) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.${visitor} Safari/537.36`;

export interface ViewPost {
  status: number;
  body: unknown;
}

/** Records one view over real HTTP (fetch), as a browser's sendBeacon would. */
export const postView = async (
  baseUrl: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<ViewPost> => {
  const response = await fetch(`${baseUrl}/api/view-counter/views`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': browserUserAgent(0), ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body };
};
