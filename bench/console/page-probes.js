// Installed by the browser benches with Playwright's `addInitScript` before any script of the page
// runs. Plain JavaScript: Playwright sends the file as it is. Everything is kept in the page's
// memory (`window.__bench`), for the bench to read through `page.evaluate`; nothing is logged,
// stored or sent. Times are epoch milliseconds with sub-millisecond precision
// (`performance.timeOrigin + performance.now()`), the clock the bench process reads too.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = {
    /** Messages and commits are noted only while recording (a run's window). */
    recording: false,
    /** Every WebSocket message as it is dispatched to the page: `{ t, data }` (data '' unless `messageData`). */
    messages: [],
    messageData: true,
    /** Every store commit (docs/store-probe.md): `{ t, type, queued }`. */
    commits: [],
    /** Animation frames, between `startFrames()` and `stopFrames()`. */
    frames: [],
    countFrames: false,
    /** Tasks over 50 ms (PerformanceObserver 'longtask'): `{ start, duration }`. */
    longTasks: [],
    /** The store's latest state and RxJS's Subscriber class, from the store probe. */
    state: undefined,
    Subscriber: undefined,
    /** DOM conditions awaited (`count` elements matching, or none): `{ id, selector, text, absent, count, dom, paint }`. */
    expectations: [],
    /** StatefulCallClient's commits in the side-by-side page (`onStateChange`): `{ t, queued }`. */
    stateChanges: [],
  };
  window.__bench = bench;

  // The WebSocket the page creates, noting each message's arrival before the page's own handlers
  // (a listener added in the constructor runs before `onmessage`, set afterwards).
  const NativeWebSocket = window.WebSocket;
  class ProbedWebSocket extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (bench.recording)
          bench.messages.push({
            t: now(),
            data: bench.messageData && typeof event.data === 'string' ? event.data : '',
          });
      });
    }
  }
  window.WebSocket = ProbedWebSocket;

  window.__switchboardProbe = {
    commit(type, state, Subscriber) {
      bench.state = state;
      bench.Subscriber = Subscriber;
      if (!bench.recording) return;
      // The queue's size with each commit, for the side-by-side bench (the queue feature's ids).
      const queue = state && state.queue;
      bench.commits.push({ t: now(), type, queued: queue && queue.ids ? queue.ids.length : 0 });
    },
  };

  const satisfied = (expectation) => {
    const matching = Array.from(document.querySelectorAll(expectation.selector)).filter(
      (element) => !expectation.text || (element.textContent || '').includes(expectation.text),
    );
    const matches = matching.length >= expectation.count;
    return expectation.absent ? !matches : matches;
  };
  const check = () => {
    const t = now();
    for (const expectation of bench.expectations) {
      if (expectation.dom !== null || !satisfied(expectation)) continue;
      expectation.dom = t;
      // The next animation frame is the one that paints what this mutation changed.
      requestAnimationFrame(() => (expectation.paint = now()));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });

  /** Awaits a DOM condition from now on; `bench.done(id)` reads when it held and was painted. */
  bench.expect = (id, selector, text, absent, count) => {
    bench.expectations = bench.expectations.filter((e) => e.id !== id);
    const expectation = {
      id,
      selector,
      text: text || '',
      absent: !!absent,
      count: count || 1,
      dom: null,
      paint: null,
    };
    bench.expectations.push(expectation);
  };
  bench.done = (id) => {
    const expectation = bench.expectations.find((e) => e.id === id);
    return expectation && expectation.paint !== null
      ? { dom: expectation.dom, paint: expectation.paint }
      : null;
  };
  bench.reset = () => {
    bench.messages = [];
    bench.commits = [];
    bench.frames = [];
    bench.longTasks = [];
    bench.stateChanges = [];
  };
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  /**
   * Scrolls the queue's virtual list from top to bottom, a screen at a time, and returns the
   * names of the rows that showed an enabled Accept button on the way (each row once).
   */
  bench.scrollQueue = async () => {
    const viewport = document.querySelector('sb-queue-panel cdk-virtual-scroll-viewport');
    if (!viewport) return [];
    const seen = new Set();
    let top = 0;
    for (;;) {
      viewport.scrollTop = top;
      await nextFrame();
      await nextFrame();
      for (const row of document.querySelectorAll('sb-queue-panel sb-queued-call[role="listitem"]')) {
        const accept = Array.from(row.querySelectorAll('button')).find(
          (button) => (button.textContent || '').trim() === 'Accept' && !button.disabled,
        );
        if (accept) seen.add(row.getAttribute('aria-label'));
      }
      if (top >= viewport.scrollHeight - viewport.clientHeight) break;
      top = Math.min(
        top + Math.max(1, viewport.clientHeight - 20),
        viewport.scrollHeight - viewport.clientHeight,
      );
    }
    viewport.scrollTop = 0;
    return Array.from(seen);
  };

  // Frames are noted only while asked (a loop of animation frames keeps the page from idling).
  const frame = () => {
    if (!bench.countFrames) return;
    bench.frames.push(now());
    requestAnimationFrame(frame);
  };
  bench.startFrames = () => {
    if (bench.countFrames) return;
    bench.countFrames = true;
    requestAnimationFrame(frame);
  };
  bench.stopFrames = () => (bench.countFrames = false);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        bench.longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  } catch {
    // A browser without long-task timing: the figures say none were seen.
  }
})();
