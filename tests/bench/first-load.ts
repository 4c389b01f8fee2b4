/**
 * The First load section of docs/performance.md. Its figure is measured by the browser test
 * tests/e2e/first-load.test.ts, not by `npm run bench`: written by hand from that test's output and kept here
 * so that run.ts, which rewrites the file, keeps it.
 */
export const firstLoadSection = `
## First load

What a coordinator waits for when opening the app: from navigation to the first calendar's events on screen,
signed in, with an empty browser cache and the server warm, at 1440×900. Measured by the browser test
\`tests/e2e/first-load.test.ts\` (the median of 5 loads, each in a new browser context, after one warm-up;
\`npx vitest run --project browser tests/e2e/first-load.test.ts\` prints the figure, the five runs and the
scripts loaded). Goal: under 1.5 s on localhost.

| | Before (f498e6b) | After |
| --- | ---: | ---: |
| Coordinator entry chunk (what index.html loads) | 857.9 KB (260 KB gzip), every page in it | 3.1 KB (1.4 KB gzip) |
| Scripts loaded for the first calendar | 1,074 KB in 3 files (FullCalendar, Chart.js, every page) | 695 KB in 19 files (shell, calendar with FullCalendar) |
| Chart.js, members, reports, tournaments, admin, audit code loaded for the first calendar | yes | no (each a chunk of its own, loaded when its page opens) |
| First calendar, median of 5 (test output, 2026-12-07 16:00, machine shared with other builds and tests) | — | 1,274 ms (1,110–1,461) |
| First calendar, same machine, before and after interleaved (10 loads each, load average 7–9) | 1,224 ms (760–1,671) | 1,141 ms (785–1,532) |

Measured on the 2-core machine described above while other work ran on it (load average 7–18): figures moved
by ±30 % from one run to the next, so the interleaved A/B of the two builds is the fairer comparison. The
2.9–3.7 s seen when the apps were first tried end to end was not reproduced here with a warm server; under
the heaviest load of the day (load average 17) the before build measured 1,564 ms and the after build 1,451 ms
in the same interleaved run.

**Where the time goes on localhost** (Chrome's resource timing and long tasks of one load of 1,216 ms, after):
about half fetching the page and its scripts (17–19 files from the same Node process that serves the API, six
at a time), a fifth evaluating the modules and drawing the first calendar (one task of about 250 ms), and a
quarter the requests the calendar makes once drawn (bookings, closures and headcount together, then the rooms,
which the three venue cards below the calendar ask for at the same moment). Byte size is
a small part of it on a loopback connection; on a real network the 40 % fewer bytes, and Chart.js never
downloaded for the calendar, count for more.

**What changed.**
1. Every page of the coordinator app is a chunk of its own (\`client/page-imports.ts\`, \`client/LazyPage.svelte\`):
   the calendar (with FullCalendar), reports (with Chart.js), members, tournaments and the referee's pages,
   administration, the audit log and the account page. The login page stays in the shell. While a page's
   code loads the page says nothing for a quarter of a second, then 正在打开页面…; if it fails (the network
   dropped, or a new release replaced the files) it says so with 重试, which reloads the app.
2. The entry (\`client/main.ts\`) is tiny: for a browser that signed in before it sends \`GET /api/auth/me\` and
   then \`GET /api/venues\` at once (\`client/early-requests.ts\`), and starts the current page's code beside the
   shell's (Svelte, messages, socket.io), instead of one after the other.
3. The display and kiosk apps load neither FullCalendar nor Chart.js, not even later (checked on the build's
   manifest by the same test).
`;
