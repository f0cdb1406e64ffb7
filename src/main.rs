//! `hojo`: the command line of 補助金申請アシスタント. Exit codes: 0 success, 1 the input is wrong (a message
//! on stderr naming the file and the place), 2 usage.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
