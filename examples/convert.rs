//! Converts an archive of announcements into document records.
//!
//! ```text
//! cargo run --release --example convert -- [INPUT ...] [--format jsonl|json|xml] [--output PATH] [--jobs N] [--quiet]
//! ```
//!
//! INPUT are files or folders; folders are walked recursively for `*.txt`
//! files, in sorted order, and each record's `source` is the file's path
//! relative to the folder given (a file given directly is named by its file
//! name). Links are followed, except a link back to a folder being
//! walked, which is reported as a problem. With no INPUT the sample archive
//! bundled with the crate (`examples/data/`) is converted.
//!
//! Records go to standard output as JSON Lines unless `--format` or
//! `--output` say otherwise; `--output` is written atomically (a temporary
//! file renamed into place at the end), so an interrupted run never leaves
//! half a file. A file that cannot be read or parsed is reported on standard
//! error with its path and the reason, every other file is still converted,
//! and the exit status is 1. A summary (files, records, errors, time) ends
//! the run on standard error.

use std::collections::BTreeMap;
use std::fs;
use std::io::IsTerminal;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use sote_records::{
    Config, Document, DocumentWriter, JsonArrayWriter, JsonLinesWriter, XmlDocumentsWriter,
    append_json,
};

/// The converter allocates and frees a string for every field of every
/// record; mimalloc's per-thread free lists do that in fewer instructions
/// than the system allocator (README, Throughput). The library itself
/// leaves the choice of allocator to the program using it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str =
    "usage: convert [INPUT ...] [--format jsonl|json|xml] [--output PATH] [--jobs N] [--quiet]

INPUT      files, or folders walked recursively for *.txt (default: the bundled sample archive)
--format   jsonl (one JSON record per line, the default), json (one array) or xml (<documents>)
--output   write to PATH (atomically) instead of standard output
--jobs     files read and parsed at once (default: every core; 1 runs on this thread alone); records keep input order
--quiet    no progress line on a terminal";

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
    jobs: usize,
    quiet: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        inputs: Vec::new(),
        format: Format::JsonLines,
        output: None,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        quiet: false,
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
            "--jobs" | "-j" => {
                parsed.jobs = args
                    .next()
                    .ok_or("--jobs needs a number")?
                    .parse()
                    .ok()
                    .filter(|&n: &usize| n > 0)
                    .ok_or("--jobs needs a number above 0")?
            }
            "--quiet" | "-q" => parsed.quiet = true,
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

/// Something found while walking the inputs: a file to convert, or a
/// problem to report.
enum Found {
    File(Job),
    Problem(Failure),
}

/// Walks the inputs lazily, one folder listing at a time, yielding `*.txt`
/// files in sorted order. Only the listings of the folders on the current
/// path are held, so memory does not grow with the archive.
struct Walker {
    /// Inputs not yet started, in the order given.
    inputs: std::vec::IntoIter<PathBuf>,
    /// The folders being walked, outermost first.
    stack: Vec<OpenFolder>,
}

/// A folder being walked.
struct OpenFolder {
    /// The input it was reached from: what sources are relative to.
    root: PathBuf,
    /// Its own path, as walked (through links, if any).
    path: PathBuf,
    /// Its remaining entries, sorted, in reverse for cheap popping.
    entries: Vec<Entry>,
}

/// An entry of a folder: its path, whether it is a folder (a link is
/// followed to tell), and whether it is a link.
struct Entry {
    path: PathBuf,
    is_dir: bool,
    is_link: bool,
}

impl Entry {
    /// The entry, typed by the listing itself where it can be: asking the
    /// file system would cost a `statx` call for every file of the archive.
    fn new(entry: &fs::DirEntry) -> Entry {
        let path = entry.path();
        let kind = entry.file_type();
        let is_link = kind.as_ref().is_ok_and(fs::FileType::is_symlink);
        let is_dir = match kind {
            Ok(kind) if !is_link => kind.is_dir(),
            _ => path.is_dir(),
        };
        Entry {
            path,
            is_dir,
            is_link,
        }
    }
}

impl Walker {
    fn new(inputs: Vec<PathBuf>) -> Walker {
        Walker {
            inputs: inputs.into_iter(),
            stack: Vec::new(),
        }
    }

    /// Opens a folder: lists and sorts its entries, or reports why not.
    fn open(&mut self, root: PathBuf, dir: &Path) -> Option<Found> {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                return Some(Found::Problem(Failure {
                    path: dir.to_owned(),
                    reason: format!("cannot read folder: {e}"),
                }));
            }
        };
        let mut paths = Vec::new();
        let mut problem = None;
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(Entry::new(&entry)),
                Err(e) => {
                    problem = Some(Found::Problem(Failure {
                        path: dir.to_owned(),
                        reason: format!("cannot list folder: {e}"),
                    }))
                }
            }
        }
        paths.sort_by(|a, b| b.path.cmp(&a.path));
        self.stack.push(OpenFolder {
            root,
            path: dir.to_owned(),
            entries: paths,
        });
        problem
    }

    /// The folder being walked that a link to a folder leads back to, if
    /// any: following it would walk the same texts again and again. Only
    /// links are asked (a cycle needs one), so an archive without links
    /// costs no extra system calls.
    fn loops_back(&self, link: &Path) -> Option<&Path> {
        let target = fs::canonicalize(link).ok()?;
        self.stack
            .iter()
            .map(|open| open.path.as_path())
            .find(|folder| fs::canonicalize(folder).is_ok_and(|f| f == target))
    }

    /// The job for a file under `root`, named by its path relative to it.
    fn job(root: &Path, path: PathBuf) -> Job {
        let relative = path.strip_prefix(root).unwrap_or(&path);
        Job {
            source: relative.to_string_lossy().replace('\\', "/"),
            path,
        }
    }
}

impl Iterator for Walker {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let Some(OpenFolder { root, entries, .. }) = self.stack.last_mut() else {
                let input = self.inputs.next()?;
                if input.is_dir() {
                    if let Some(problem) = self.open(input.clone(), &input) {
                        return Some(problem);
                    }
                    continue;
                }
                let name = input
                    .file_name()
                    .map_or_else(|| input.to_string_lossy(), |n| n.to_string_lossy())
                    .into_owned();
                return Some(Found::File(Job {
                    source: name,
                    path: input,
                }));
            };
            let Some(Entry {
                path,
                is_dir,
                is_link,
            }) = entries.pop()
            else {
                self.stack.pop();
                continue;
            };
            let root = root.clone();
            let is_txt = path.extension().is_some_and(|e| e == "txt");
            if is_dir
                && is_link
                && let Some(folder) = self.loops_back(&path)
            {
                let reason = format!(
                    "link loops back to {}, which is being walked; not followed",
                    folder.display()
                );
                return Some(Found::Problem(Failure { path, reason }));
            }
            if is_dir {
                let problem = self.open(root, &path);
                // A folder named like a text is reported (it was probably
                // meant to be one), and its contents are still converted.
                if is_txt {
                    return Some(Found::Problem(Failure {
                        path,
                        reason: "is a folder, not a text file; converting what it holds".into(),
                    }));
                }
                if problem.is_some() {
                    return problem;
                }
            } else if is_txt {
                return Some(Found::File(Walker::job(&root, path)));
            }
        }
    }
}

/// One record on its way to the output.
enum Record {
    /// A record for a writer that frames the records (a JSON array, XML).
    Document(Box<Document>),
    /// A record already serialised as a JSON line, by the worker that
    /// parsed it.
    Line(Vec<u8>),
}

/// Where records go. JSON Lines are serialised by the workers, each record
/// a line of its own, so the thread that writes in input order only copies
/// bytes; the other formats frame their records, so their documents go to
/// the format's writer.
enum Sink<'a> {
    Lines(Box<dyn Write + 'a>),
    Documents(Box<dyn DocumentWriter + 'a>),
}

impl<'a> Sink<'a> {
    fn new<W: Write + 'a>(format: Format, out: W) -> Sink<'a> {
        match format {
            Format::JsonLines => Sink::Lines(Box::new(out)),
            Format::Json => Sink::Documents(Box::new(JsonArrayWriter::new(out))),
            Format::Xml => Sink::Documents(Box::new(XmlDocumentsWriter::new(out))),
        }
    }

    /// Whether the workers should serialise records as JSON lines.
    fn takes_lines(&self) -> bool {
        matches!(self, Sink::Lines(_))
    }

    fn write(&mut self, record: Record) -> io::Result<()> {
        match (self, record) {
            (Sink::Lines(out), Record::Line(line)) => out.write_all(&line),
            (Sink::Documents(writer), Record::Document(doc)) => {
                writer.write_document(&doc).map_err(io::Error::other)
            }
            // A worker serialises exactly when the sink takes lines.
            (Sink::Lines(out), Record::Document(doc)) => {
                let mut writer = JsonLinesWriter::new(out);
                writer.write_document(&doc).map_err(io::Error::other)
            }
            (Sink::Documents(_), Record::Line(_)) => Err(io::Error::other(
                "a serialised line cannot go into a framed format",
            )),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        match self {
            Sink::Lines(out) => out.flush(),
            Sink::Documents(writer) => writer.finish().map_err(io::Error::other),
        }
    }
}

#[derive(Default)]
struct Summary {
    files: usize,
    records: usize,
    bytes: u64,
    failures: Vec<Failure>,
}

/// What reading and parsing one file gave, or a problem met while walking.
enum Outcome {
    Record(Record, u64),
    Failed(Failure, u64),
    Problem(Failure),
}

/// The largest read buffer a thread keeps from one file to the next: a
/// huge file does not hold its memory for the rest of the run.
const KEPT_BUFFER_BYTES: usize = 1 << 20;

/// Reads the file at `path` into `buffer`, which the thread keeps from file
/// to file: no allocation per file, and no size query before the read
/// (`fs::read` asks the file system for the size with a `statx` call; a
/// `File`'s own `read_to_end` asks too, so the file is read through
/// `Take`, which does not).
fn read_into<'b>(path: &Path, buffer: &'b mut Vec<u8>) -> io::Result<&'b [u8]> {
    if buffer.capacity() > KEPT_BUFFER_BYTES {
        *buffer = Vec::new();
    }
    buffer.clear();
    fs::File::open(path)?.take(u64::MAX).read_to_end(buffer)?;
    Ok(buffer)
}

/// What a thread keeps from one file to the next: the read buffer, and
/// the record that JSON lines are serialised from, parsed into again
/// ([`Config::parse_bytes_into`]) so that its items (date mentions,
/// places, bodies, events and more) keep their strings' room from page to
/// page.
struct Scratch {
    buffer: Vec<u8>,
    doc: Document,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            buffer: Vec::new(),
            doc: Document::new(""),
        }
    }
}

/// The room to reserve for the JSON line of a text of `len` bytes: records
/// run to about four and a half times their text, so a line reserved at
/// this size is seldom regrown (a regrowth copies the whole line so far).
fn line_capacity(len: usize) -> usize {
    len.saturating_mul(6).saturating_add(1024)
}

/// Reads and parses one file, or passes a walking problem on; with
/// `lines`, serialises the record as a JSON line too.
fn process(config: &Config, found: Found, lines: bool, scratch: &mut Scratch) -> Outcome {
    let job = match found {
        Found::File(job) => job,
        Found::Problem(failure) => return Outcome::Problem(failure),
    };
    let bytes = match read_into(&job.path, &mut scratch.buffer) {
        Ok(b) => b,
        Err(e) => {
            return Outcome::Failed(
                Failure {
                    path: job.path.clone(),
                    reason: format!("cannot read: {e}"),
                },
                0,
            );
        }
    };
    let size = bytes.len() as u64;
    let parsed = if lines {
        // The record is serialised here and kept for the next file's.
        let doc = &mut scratch.doc;
        config.parse_bytes_into(&job.source, bytes, doc).map(|()| {
            let mut line = Vec::with_capacity(line_capacity(bytes.len()));
            append_json(&mut line, doc);
            line.push(b'\n');
            Record::Line(line)
        })
    } else {
        config
            .parse_bytes(&job.source, bytes)
            .map(|doc| Record::Document(Box::new(doc)))
    };
    match parsed {
        Ok(record) => Outcome::Record(record, size),
        Err(e) => Outcome::Failed(
            Failure {
                path: job.path.clone(),
                reason: e.to_string(),
            },
            size,
        ),
    }
}

/// How many files the workers may run ahead of the writer, per worker: the
/// bound on records held in memory while an earlier, slower file is parsed.
const WINDOW_PER_JOB: usize = 32;

/// How many consecutive files a worker takes, parses and hands on at once.
/// One hand-over per file cost the writer a sleep and a wake-up (a futex
/// call and a context switch) per record, which on two cores was half the
/// system time of a 1 GB run; a batch pays it once per eight records.
const BATCH: usize = 8;

/// The workers' shared walker (with the number of items it has given out)
/// and the writer's progress.
struct Schedule {
    next: Mutex<(usize, Walker)>,
    written: Mutex<Written>,
    advanced: Condvar,
    stop: AtomicBool,
}

/// How far the writer has got, and how many workers wait for it to get
/// further: the writer wakes them only when some do, since every
/// `notify_all` is a system call.
#[derive(Default)]
struct Written {
    /// Items written so far.
    count: usize,
    /// Workers waiting on [`Schedule::advanced`].
    waiting: usize,
}

/// Converts every job into `sink`, reading and parsing on `workers` threads
/// and writing records in input order as they complete. Bad inputs are
/// recorded and skipped; an error writing the output stops the run.
fn convert(
    inputs: &[PathBuf],
    workers: usize,
    sink: &mut Sink<'_>,
    summary: &mut Summary,
    progress: &mut Progress,
) -> io::Result<()> {
    let config = Config::default();
    if workers <= 1 {
        convert_serially(inputs, &config, sink, summary, progress)?;
        return sink.finish();
    }
    let window = WINDOW_PER_JOB * workers.max(1);
    let lines = sink.takes_lines();
    let schedule = Schedule {
        next: Mutex::new((0, Walker::new(inputs.to_vec()))),
        written: Mutex::new(Written::default()),
        advanced: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let (tx, rx) = mpsc::channel::<Vec<(usize, Outcome)>>();
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            let tx = tx.clone();
            let (schedule, config) = (&schedule, &config);
            scope.spawn(move || worker(schedule, config, window, lines, &tx));
        }
        drop(tx);
        let result = write_in_order(&rx, &schedule, sink, summary, progress);
        if result.is_err() {
            schedule.stop.store(true, Ordering::SeqCst);
            schedule.advanced.notify_all();
        }
        // Unblock and drain the workers before the scope joins them.
        for _ in rx.iter() {}
        result
    })?;
    sink.finish()
}

/// `--jobs 1`: reads, parses and writes each file in turn on this thread,
/// with no worker threads at all.
fn convert_serially(
    inputs: &[PathBuf],
    config: &Config,
    sink: &mut Sink<'_>,
    summary: &mut Summary,
    progress: &mut Progress,
) -> io::Result<()> {
    let mut scratch = Scratch::new();
    for found in Walker::new(inputs.to_vec()) {
        let lines = sink.takes_lines();
        record(process(config, found, lines, &mut scratch), sink, summary)?;
        progress.update(summary);
    }
    progress.finish();
    Ok(())
}

/// Takes the next files, up to [`BATCH`] of them, with the number of the
/// first; none when the walk is over.
fn take_batch(schedule: &Schedule) -> (usize, Vec<Found>) {
    let mut next = schedule.next.lock().unwrap_or_else(|e| e.into_inner());
    let first = next.0;
    let batch: Vec<Found> = next.1.by_ref().take(BATCH).collect();
    next.0 += batch.len();
    (first, batch)
}

/// Waits while item `last` is `window` or more items ahead of the writer;
/// false when the run is stopping.
fn wait_for_writer(schedule: &Schedule, last: usize, window: usize) -> bool {
    let mut written = schedule.written.lock().unwrap_or_else(|e| e.into_inner());
    while last >= written.count + window && !schedule.stop.load(Ordering::SeqCst) {
        written.waiting += 1;
        written = schedule
            .advanced
            .wait(written)
            .unwrap_or_else(|e| e.into_inner());
        written.waiting -= 1;
    }
    !schedule.stop.load(Ordering::SeqCst)
}

/// One worker: takes the next batch of files, waiting while it is more than
/// `window` files ahead of the writer, parses them and hands the outcomes
/// on together.
fn worker(
    schedule: &Schedule,
    config: &Config,
    window: usize,
    lines: bool,
    tx: &mpsc::Sender<Vec<(usize, Outcome)>>,
) {
    let mut scratch = Scratch::new();
    loop {
        let (first, batch) = take_batch(schedule);
        if batch.is_empty() || !wait_for_writer(schedule, first + batch.len() - 1, window) {
            return;
        }
        let outcomes = (first..)
            .zip(batch)
            .map(|(i, found)| (i, process(config, found, lines, &mut scratch)))
            .collect();
        if tx.send(outcomes).is_err() {
            return;
        }
    }
}

/// Receives batches of outcomes in any order and writes them in input order.
fn write_in_order(
    rx: &mpsc::Receiver<Vec<(usize, Outcome)>>,
    schedule: &Schedule,
    sink: &mut Sink<'_>,
    summary: &mut Summary,
    progress: &mut Progress,
) -> io::Result<()> {
    let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
    let mut expected = 0;
    // The channel closes when every worker has run out of files.
    while let Ok(batch) = rx.recv() {
        pending.extend(batch);
        let before = expected;
        while let Some(outcome) = pending.remove(&expected) {
            record(outcome, sink, summary)?;
            expected += 1;
            progress.update(summary);
        }
        if expected > before {
            let mut written = schedule.written.lock().unwrap_or_else(|e| e.into_inner());
            written.count = expected;
            if written.waiting > 0 {
                schedule.advanced.notify_all();
            }
        }
    }
    progress.finish();
    Ok(())
}

/// Writes one outcome's record, or notes its failure, in the summary.
fn record(outcome: Outcome, sink: &mut Sink<'_>, summary: &mut Summary) -> io::Result<()> {
    match outcome {
        Outcome::Problem(failure) => summary.failures.push(failure),
        Outcome::Record(rec, size) => {
            summary.files += 1;
            summary.bytes += size;
            sink.write(rec)?;
            summary.records += 1;
        }
        Outcome::Failed(failure, size) => {
            summary.files += 1;
            summary.bytes += size;
            summary.failures.push(failure);
        }
    }
    Ok(())
}

/// A one-line progress display on a terminal; silent otherwise.
struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
}

impl Progress {
    /// Progress every quarter second is plenty for a person, and cheap.
    const EVERY: Duration = Duration::from_millis(250);

    fn new(enabled: bool) -> Progress {
        let now = Instant::now();
        Progress {
            enabled,
            started: now,
            last: now,
        }
    }

    fn update(&mut self, summary: &Summary) {
        if !self.enabled || self.last.elapsed() < Self::EVERY {
            return;
        }
        self.last = Instant::now();
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mb = summary.bytes as f64 / 1e6;
        eprint!(
            "\r{} files, {:.1} MB, {:.1} MB/s   ",
            summary.files,
            mb,
            mb / secs
        );
    }

    fn finish(&mut self) {
        if self.enabled {
            eprint!("\r{:60}\r", "");
        }
    }
}

/// Writes to `path` through a temporary file in the same folder, renamed
/// into place only when everything was written.
fn convert_to_file(
    inputs: &[PathBuf],
    args: &Args,
    path: &Path,
    summary: &mut Summary,
    progress: &mut Progress,
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
        let mut sink = Sink::new(args.format, BufWriter::new(tmp.as_file()));
        convert(inputs, args.jobs, &mut sink, summary, progress)?;
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
    let mut summary = Summary::default();
    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let written = match &args.output {
        Some(path) => convert_to_file(&args.inputs, &args, path, &mut summary, &mut progress),
        None => {
            let stdout = io::stdout();
            let mut sink = Sink::new(args.format, BufWriter::new(stdout.lock()));
            convert(
                &args.inputs,
                args.jobs,
                &mut sink,
                &mut summary,
                &mut progress,
            )
        }
    };
    for f in &summary.failures {
        eprintln!("error: {}: {}", f.path.display(), f.reason);
    }
    let secs = started.elapsed().as_secs_f64();
    let mb = summary.bytes as f64 / 1e6;
    eprintln!(
        "converted {} of {} files ({:.1} MB) into {} records, {} errors, in {:.3} s ({:.1} MB/s, {} jobs)",
        summary.records,
        summary.files,
        mb,
        summary.records,
        summary.failures.len(),
        secs,
        mb / secs.max(1e-9),
        args.jobs
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
