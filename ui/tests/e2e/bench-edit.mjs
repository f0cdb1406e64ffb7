// Benchmark (bench/60-app.sh): in the real app, the time from an amount entered on 経費 (the field left, so it is
// saved) until 算定 beside it shows the new figure — the change event, the command, the database write (one
// transaction with its history entry), the new 算定 and the repaint. Prints the median and the slowest of 20
// edits in milliseconds.
import path from "node:path";

import { App } from "./webdriver.mjs";

const app = await App.launch(path.resolve(process.argv[2]), {});
try {
  await app.find("main h1");
  await app.go("costs");
  await app.find('[data-path="trainees[0].tuition"]');
  const times = await app.executeAsync(`
    const done = arguments[0];
    const input = document.querySelector('[data-path="trainees[0].tuition"]');
    const figure = document.querySelector('[data-figure="I"]');
    const times = [];
    const once = (value) => new Promise((resolve) => {
      const before = figure.textContent;
      const start = performance.now();
      const observer = new MutationObserver(() => {
        if (figure.textContent !== before) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        }
      });
      observer.observe(figure, { childList: true, characterData: true, subtree: true });
      input.focus();
      input.value = value;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    (async () => {
      for (let i = 0; i < 20; i++) times.push(await once(i % 2 ? "900,000" : "８００，０００"));
      done(times);
    })();`);
  times.sort((a, b) => a - b);
  console.log(`${times[10].toFixed(1)} ${times[19].toFixed(1)}`);
} finally {
  await app.close();
}
