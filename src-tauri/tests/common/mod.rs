//! The app on Tauri's mock runtime (tauri::test) for the command tests: the real handler, the real capability
//! (the app's tauri.conf.json and capabilities/), a database in a temporary folder, the dialogs answered as
//! the user would, and commands invoked with their arguments as the UI sends them (camelCase).

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::path::Path;

use hojo_desktop::dialogs::Dialogs;
use hojo_desktop::workspace::Workspace;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

/// Where the app's own pages come from: Tauri serves them as tauri://localhost on Linux and macOS, and as
/// http://tauri.localhost on Windows (WebView2 takes no custom scheme as an origin). The other is remote.
pub const APP_ORIGIN: &str = if cfg!(windows) { "http://tauri.localhost" } else { "tauri://localhost" };
pub const OTHER_PLATFORMS_ORIGIN: &str = if cfg!(windows) { "tauri://localhost" } else { "http://tauri.localhost" };

pub struct Window {
    pub app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
    pub folder: tempfile::TempDir,
}

/// The app on a fresh database in a temporary folder.
pub fn window() -> Window {
    let folder = tempfile::tempdir().unwrap();
    let workspace = Workspace::open(&folder.path().join("hojo.sqlite3")).unwrap();
    window_on(workspace, folder)
}

pub fn window_on(workspace: Workspace, folder: tempfile::TempDir) -> Window {
    let app =
        hojo_desktop::builder(mock_builder(), workspace, Dialogs::queued()).build(tauri::generate_context!()).unwrap();
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    Window { app, webview, folder }
}

impl Window {
    /// Invokes a command from the given origin (the app's own, or a remote one that must be refused).
    pub fn call_from(&self, origin: &str, command: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: command.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: origin.parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request).map(|body| body.deserialize::<Value>().unwrap())
    }

    /// Invokes a command from the app's own origin, as the screens do.
    pub fn call(&self, command: &str, args: Value) -> Result<Value, Value> {
        self.call_from(APP_ORIGIN, command, args)
    }

    pub fn ok(&self, command: &str, args: Value) -> Value {
        self.call(command, args.clone()).unwrap_or_else(|error| panic!("{command} {args} was refused: {error}"))
    }

    pub fn refused(&self, command: &str, args: Value) -> Value {
        match self.call(command, args.clone()) {
            Ok(answer) => panic!("{command} {args} should have been refused, answered {answer}"),
            Err(error) => error,
        }
    }

    /// Answers the next open or save dialog as the user would (`None`: she cancels it).
    pub fn answer(&self, path: Option<&Path>) {
        self.app.state::<Dialogs>().answer(path.map(Path::to_path_buf));
    }
}
