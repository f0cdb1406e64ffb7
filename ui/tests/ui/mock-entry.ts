// Installs the mocked IPC before the app starts, then starts it exactly as main.tsx does.
import { installMockBackend } from "./mock-backend";

installMockBackend();
await import("../../src/main");
