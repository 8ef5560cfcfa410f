//! The `crisis-extract` binary: reads one article (or a batch), extracts, prints. All the work
//! is in the library; this file only wires the command line, the input and the output together
//! and maps failures to exit codes (0 ok, 1 input error, 2 usage error, 3 some articles of a
//! batch failed).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{CommandFactory, Parser};

use crisis_extract::cli::{Args, Terminals};
use crisis_extract::config::Config;
use crisis_extract::{batch, extract, input, output, Context};

/// mimalloc serves the many small, short-lived allocations of an extraction (its Strings and
/// vectors) faster than the system allocator; see Cargo.toml. The library leaves the choice
/// to the program that uses it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("crisis-extract: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let args = Args::parse();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let terminals = Terminals {
        stdout: io::stdout().is_terminal(),
        stderr: io::stderr().is_terminal(),
    };
    let config = match args.into_config(terminals, no_color) {
        Ok(c) => c,
        Err(msg) => Args::command()
            .error(clap::error::ErrorKind::ArgumentConflict, msg)
            .exit(),
    };
    if let Some(b) = &config.batch {
        let opts = batch::Options::new(b, config.lossy, config.reference_date);
        let mut out = io::stdout().lock();
        let summary = batch::run(&b.inputs, &opts, &mut out).context("batch run stopped")?;
        return Ok(ExitCode::from(if summary.failed > 0 { 3 } else { 0 }));
    }
    let text = input::read(&config.input, config.lossy)?;
    if text.replaced > 0 {
        eprintln!(
            "crisis-extract: warning: {}: replaced {} invalid UTF-8 sequence(s) with U+FFFD",
            config.input.name(),
            text.replaced
        );
    }
    if text.had_nul {
        eprintln!(
            "crisis-extract: warning: {}: input contains NUL bytes; read anyway (--lossy)",
            config.input.name()
        );
    }
    let ctx = Context {
        reference_date: config.reference_date,
    };
    let report = extract(&text.text, &ctx);
    print(&config, &report)?;
    Ok(ExitCode::SUCCESS)
}

fn print(config: &Config, report: &crisis_extract::Report) -> anyhow::Result<()> {
    let rendered = output::render(report, &output::Options::from(config));
    let mut out = io::stdout().lock();
    out.write_all(rendered.as_bytes())
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
