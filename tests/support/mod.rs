#![allow(dead_code)] // each test binary uses some of the helpers
pub mod cases;
pub mod sheet_view;
pub mod xlsx_edit;
