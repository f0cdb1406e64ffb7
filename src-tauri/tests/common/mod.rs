//! The app on Tauri's mock runtime (tauri::test) for the command tests: the real handler, the real capability
//! (the app's tauri.conf.json and capabilities/), a database in a temporary folder, the dialogs answered as
//! the user would, and commands invoked with their arguments as the UI sends them (camelCase).

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::path::Path;

use hojo_desktop::dialogs::Dialogs;
use hojo_desktop::workspace::Workspace;
use serde_json::{Value, json};
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

/// A complete, eligible application of 令和6年度 on a fresh database: the hospital's profile and 届出, one
/// trainee with her costs, asking 2,300,000円.
pub fn eligible() -> Window {
    let window = window();
    window.ok("start_case", json!({"fiscalYear": 2024, "hospitalName": "さくら病院"}));
    let edit = |edit: Value| window.ok("edit_case", json!({ "edit": edit }));
    for (field, value) in [
        ("address", "東京都新宿区西新宿二丁目8番1号"),
        ("founder_type", "medical_corporation"),
        ("beds", "120"),
        ("representative", "理事長 東京 太郎"),
        ("purpose", "緩和ケア認定看護師を育成する。"),
        ("contact.department", "看護部"),
        ("contact.name", "看護 部長"),
        ("contact.phone", "03-1234-5678"),
    ] {
        edit(json!({"kind": "set_hospital", "field": field, "text": value}));
    }
    edit(json!({"kind": "add_filing", "symbol": "地包ケア１", "number": "第19号", "since": "2022-10-01"}));
    edit(json!({"kind": "add_filing", "symbol": "がん疼", "number": "", "since": ""}));
    edit(
        json!({"kind": "add_trainee", "name": "看護 花子", "qualification": "palliative_care_cn", "enrolled_on": "令和6年4月8日", "course_ends_on": "令和7年3月14日"}),
    );
    for (field, value) in [
        ("institution", "日本看護協会看護研修学校"),
        ("exam_fiscal_year", "2025"),
        ("admission", "１００，０００"),
        ("tuition", "900,000"),
        ("tuition_completed_in_year", "true"),
        ("salary", "3600000"),
    ] {
        edit(json!({"kind": "set_trainee", "index": 0, "field": field, "text": value}));
    }
    assert_eq!(window.ok("get_snapshot", json!({}))["applied_total"], 2_300_000);
    window
}
