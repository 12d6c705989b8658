//! Converts an archive of announcements into document records.
//!
//! ```text
//! cargo run --release --example convert -- [INPUT ...] [--format jsonl|json|xml] [--output PATH]
//! ```
//!
//! INPUT are files or folders; folders are walked recursively for `*.txt`
//! files, in sorted order, and each record's `source` is the file's path
//! relative to the folder given (a file given directly is named by its file
//! name). With no INPUT the sample archive bundled with the crate
//! (`examples/data/`) is converted.
//!
//! Records go to standard output as JSON Lines unless `--format` or
//! `--output` say otherwise; `--output` is written atomically (a temporary
//! file renamed into place at the end), so an interrupted run never leaves
//! half a file. A file that cannot be read or parsed is reported on standard
//! error with its path and the reason, every other file is still converted,
//! and the exit status is 1. A summary (files, records, errors, time) ends
//! the run on standard error.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use sote_records::{Config, DocumentWriter, JsonArrayWriter, JsonLinesWriter, XmlDocumentsWriter};

const USAGE: &str = "usage: convert [INPUT ...] [--format jsonl|json|xml] [--output PATH]

INPUT      files, or folders walked recursively for *.txt (default: the bundled sample archive)
--format   jsonl (one JSON record per line, the default), json (one array) or xml (<documents>)
--output   write to PATH (atomically) instead of standard output";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    JsonLines,
    Json,
    Xml,
}

#[derive(Debug)]
struct Args {
    inputs: Vec<PathBuf>,
    format: Format,
    output: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        inputs: Vec::new(),
        format: Format::JsonLines,
        output: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--format" | "-f" => {
                parsed.format = match args.next().as_deref() {
                    Some("jsonl") => Format::JsonLines,
                    Some("json") => Format::Json,
                    Some("xml") => Format::Xml,
                    Some(other) => return Err(format!("unknown format {other:?}")),
                    None => return Err("--format needs a value".into()),
                }
            }
            "--output" | "-o" => {
                parsed.output = Some(args.next().ok_or("--output needs a path")?.into())
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => parsed.inputs.push(arg.into()),
        }
    }
    if parsed.inputs.is_empty() {
        parsed
            .inputs
            .push(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data"));
    }
    Ok(parsed)
}

/// One file to convert: where it is, and the name its record gets.
struct Job {
    path: PathBuf,
    source: String,
}

/// A problem with one input, reported and then left behind.
struct Failure {
    path: PathBuf,
    reason: String,
}

/// Collects `*.txt` files under `dir` in sorted order.
fn walk(root: &Path, dir: &Path, jobs: &mut Vec<Job>, failures: &mut Vec<Failure>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            failures.push(Failure {
                path: dir.to_owned(),
                reason: format!("cannot read folder: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => failures.push(Failure {
                path: dir.to_owned(),
                reason: format!("cannot list folder: {e}"),
            }),
        }
    }
    paths.sort();
    for path in paths {
        let is_txt = path.extension().is_some_and(|e| e == "txt");
        if path.is_dir() {
            // A folder named like a text is reported (it was probably meant
            // to be one), and its contents are still converted.
            if is_txt {
                failures.push(Failure {
                    path: path.clone(),
                    reason: "is a folder, not a text file; converting what it holds".into(),
                });
            }
            walk(root, &path, jobs, failures);
        } else if is_txt {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            jobs.push(Job {
                source: relative.to_string_lossy().replace('\\', "/"),
                path,
            });
        }
    }
}

fn collect(inputs: &[PathBuf]) -> (Vec<Job>, Vec<Failure>) {
    let mut jobs = Vec::new();
    let mut failures = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, input, &mut jobs, &mut failures);
        } else {
            let name = input
                .file_name()
                .map_or_else(|| input.to_string_lossy(), |n| n.to_string_lossy());
            jobs.push(Job {
                source: name.into_owned(),
                path: input.clone(),
            });
        }
    }
    (jobs, failures)
}

fn writer_for<'a, W: Write + 'a>(format: Format, out: W) -> Box<dyn DocumentWriter + 'a> {
    match format {
        Format::JsonLines => Box::new(JsonLinesWriter::new(out)),
        Format::Json => Box::new(JsonArrayWriter::new(out)),
        Format::Xml => Box::new(XmlDocumentsWriter::new(out)),
    }
}

#[derive(Default)]
struct Summary {
    files: usize,
    records: usize,
    bytes: u64,
    failures: Vec<Failure>,
}

/// Converts every job into `sink`. Bad inputs are recorded and skipped; an
/// error writing the output stops the run.
fn convert(jobs: &[Job], sink: &mut dyn DocumentWriter, summary: &mut Summary) -> io::Result<()> {
    let config = Config::default();
    for job in jobs {
        summary.files += 1;
        let bytes = match fs::read(&job.path) {
            Ok(b) => b,
            Err(e) => {
                summary.failures.push(Failure {
                    path: job.path.clone(),
                    reason: format!("cannot read: {e}"),
                });
                continue;
            }
        };
        summary.bytes += bytes.len() as u64;
        match config.parse_bytes(&job.source, &bytes) {
            Ok(doc) => {
                sink.write_document(&doc).map_err(io::Error::other)?;
                summary.records += 1;
            }
            Err(e) => summary.failures.push(Failure {
                path: job.path.clone(),
                reason: e.to_string(),
            }),
        }
    }
    sink.finish().map_err(io::Error::other)
}

/// Writes to `path` through a temporary file in the same folder, renamed
/// into place only when everything was written.
fn convert_to_file(
    jobs: &[Job],
    format: Format,
    path: &Path,
    summary: &mut Summary,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".convert-")
        .suffix(".partial")
        .tempfile_in(dir)?;
    {
        let mut sink = writer_for(format, BufWriter::new(tmp.as_file()));
        convert(jobs, sink.as_mut(), summary)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("convert: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let (jobs, failures) = collect(&args.inputs);
    let mut summary = Summary {
        failures,
        ..Summary::default()
    };
    let written = match &args.output {
        Some(path) => convert_to_file(&jobs, args.format, path, &mut summary),
        None => {
            let stdout = io::stdout();
            let mut sink = writer_for(args.format, BufWriter::new(stdout.lock()));
            convert(&jobs, sink.as_mut(), &mut summary)
        }
    };
    for f in &summary.failures {
        eprintln!("error: {}: {}", f.path.display(), f.reason);
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "converted {} of {} files ({:.1} MB) into {} records, {} errors, in {:.3} s",
        summary.records,
        summary.files,
        summary.bytes as f64 / 1e6,
        summary.records,
        summary.failures.len(),
        secs
    );
    if let Err(e) = written {
        eprintln!("convert: cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
