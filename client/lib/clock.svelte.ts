/** A ticking "now" for on-screen clocks; start it in onMount and call the returned stop on teardown. */
export class Clock {
  now = $state(new Date());

  start(intervalMs = 1000): () => void {
    this.now = new Date();
    const timer = setInterval(() => {
      this.now = new Date();
    }, intervalMs);
    return () => clearInterval(timer);
  }
}
