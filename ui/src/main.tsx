import { render } from "preact";

import { App } from "./app";
import { api } from "./ipc";
import { loadSnapshot } from "./state";
import "./styles.css";

render(<App />, document.getElementById("app")!);
// Once the first screen is drawn with its data, tell the Rust side (the benchmark's "interactive" moment).
void loadSnapshot().then(() => requestAnimationFrame(() => requestAnimationFrame(() => void api.appReady())));
