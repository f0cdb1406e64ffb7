import { render } from "preact";

import { App } from "./app";
import { loadSnapshot } from "./state";
import "./styles.css";

render(<App />, document.getElementById("app")!);
void loadSnapshot();
