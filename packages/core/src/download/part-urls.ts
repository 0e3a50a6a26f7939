/**
 * One presigned URL per part, shared by all the connections fetching ranges of it (a
 * presigned GET can be repeated and ranged until it expires). A connection whose URL was
 * refused asks again: only the first to notice fetches a fresh one for everyone.
 */
export class PartUrls {
  private readonly current = new Map<number, Promise<string>>();

  constructor(private readonly fetchUrl: (part: number) => Promise<string>) {}

  /** A `getUrl` for one connection's span of `part`: the shared URL, renewed once refused. */
  forSpan(part: number): () => Promise<string> {
    let lastGiven: Promise<string> | undefined;
    return () => {
      let url = this.current.get(part);
      // Called again by the same span: its URL was refused (expired), unless renewed meanwhile.
      if (url === undefined || url === lastGiven) {
        url = this.fetchUrl(part);
        // A failed API call must not stick: the next span asks again.
        const mine = url;
        mine.catch(() => {
          if (this.current.get(part) === mine) this.current.delete(part);
        });
        this.current.set(part, url);
      }
      lastGiven = url;
      return url;
    };
  }
}
