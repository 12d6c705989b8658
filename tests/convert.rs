//! The `convert` example, run as users run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The example binary that `cargo test` builds next to the test binaries.
fn convert_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir
        .join("examples")
        .join(format!("convert{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} not built; run through `cargo test`",
        bin.display()
    );
    bin
}

fn run(args: &[&str]) -> Output {
    Command::new(convert_bin()).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The `source` of every JSON line a run wrote, in order.
fn sources_of(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let record: serde_json::Value = serde_json::from_str(l).unwrap();
            record["source"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// A folder with two good texts (one in a subfolder), a non-text file and a
/// file that is not UTF-8.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir(p.join("kainuu")).unwrap();
    std::fs::write(
        p.join("a.txt"),
        "Uutiset\n\n03.04.2019\n\nOhjausryhmä kokoontui Kajaanissa\n\nOhjausryhmä kokoontui 2.4.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("kainuu/b.txt"),
        "Sote-tiimi\n\nTiimi valmistelee Kainuun palveluja.\n",
    )
    .unwrap();
    std::fs::write(p.join("notes.md"), "ei muunneta").unwrap();
    std::fs::write(p.join("rikki.txt"), b"Otsikko\nHyv\xE4 alku\n").unwrap();
    dir
}

#[test]
fn bundled_sample_converts_without_arguments() {
    let out = run(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.len() >= 10, "{} records", records.len());
    let n = records.len();
    assert!(
        stderr(&out).contains(&format!("converted {n} of {n} files")),
        "{}",
        stderr(&out)
    );
    assert!(
        records
            .iter()
            .all(|r| !r["source"].as_str().unwrap().starts_with('/'))
    );
}

#[test]
fn a_bad_file_is_reported_and_the_others_converted() {
    let dir = archive();
    let out = run(&[dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("rikki.txt") && err.contains("invalid UTF-8") && err.contains("2:4"),
        "{err}"
    );
    assert!(err.contains("1 errors"), "{err}");
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let sources: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(sources, ["a.txt", "kainuu/b.txt"]);
}

#[test]
fn output_file_is_complete_and_leaves_no_temporary_file() {
    let dir = archive();
    let target = tempfile::tempdir().unwrap();
    let path = target.path().join("out.xml");
    let out = run(&[
        dir.path().join("a.txt").to_str().unwrap(),
        dir.path().join("kainuu").to_str().unwrap(),
        "--format",
        "xml",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = std::fs::read_to_string(&path).unwrap();
    roxmltree::Document::parse(&xml).expect("well-formed");
    let docs: Vec<_> = sote_records::XmlDocumentsReader::new(xml.as_bytes())
        .map(Result::unwrap)
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].source, "a.txt");
    assert_eq!(docs[1].source, "b.txt");
    let leftovers: Vec<_> = std::fs::read_dir(target.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, [std::ffi::OsString::from("out.xml")]);
}

#[test]
fn json_format_is_one_array() {
    let dir = archive();
    let out = run(&[
        dir.path().join("kainuu").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<sote_records::Document> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].region.as_deref(), Some("Kainuu"));
}

#[test]
fn a_missing_input_is_an_error_not_a_crash() {
    let out = run(&[Path::new("/nonexistent/archive.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/archive.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let out = run(&["--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown format"), "{}", stderr(&out));
}

/// A file that cannot be read even by root: a link to `/proc/self/mem`,
/// whose first page is unmapped (reading it fails with EIO). As another user
/// a file without read permission does the same.
#[cfg(unix)]
fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    if is_root {
        std::os::unix::fs::symlink("/proc/self/mem", path).unwrap();
    } else {
        std::fs::write(path, "salainen").unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn every_bad_input_is_reported_and_every_good_one_converted() {
    let dir = archive(); // a.txt, kainuu/b.txt, notes.md, rikki.txt (invalid UTF-8)
    let p = dir.path();
    std::fs::create_dir(p.join("x.txt")).unwrap();
    std::fs::write(
        p.join("x.txt/c.txt"),
        "Sote-tiimi\n\nTiimi kokoontui Kajaanissa.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(p.join("ei-ole.txt"), p.join("katkennut.txt")).unwrap();
    make_unreadable(&p.join("lukukelvoton.txt"));

    // One job runs on the main thread alone; two run worker threads.
    for jobs in ["1", "2"] {
        every_bad_input_reported(p, jobs);
    }
}

fn every_bad_input_reported(p: &Path, jobs: &str) {
    let out = run(&[p.to_str().unwrap(), "--jobs", jobs]);
    assert_eq!(out.status.code(), Some(1), "--jobs {jobs}");
    let err = stderr(&out);
    assert!(err.contains(&format!("{jobs} jobs")), "{err}");
    for (file, why) in [
        ("rikki.txt", "invalid UTF-8"),
        ("x.txt", "is a folder"),
        ("katkennut.txt", "cannot read"),
        ("lukukelvoton.txt", "cannot read"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("error: ") && l.contains(file) && l.contains(why)),
            "--jobs {jobs}: {file} ({why}) not reported:\n{err}"
        );
    }
    let sources: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(sources, ["a.txt", "kainuu/b.txt", "x.txt/c.txt"]);
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_previous_output_or_none() {
    let input = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/data/pohjois-savo/alueellinen-johtoryhma.txt"),
    )
    .unwrap();
    for i in 0..3000 {
        std::fs::write(input.path().join(format!("{i:05}.txt")), &text).unwrap();
    }
    let target = tempfile::tempdir().unwrap();
    let out_path = target.path().join("out.jsonl");

    // Interrupted before any output existed: no file, or a complete one.
    let mut child = Command::new(convert_bin())
        .args([
            input.path().to_str().unwrap(),
            "--output",
            out_path.to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    child.kill().unwrap();
    child.wait().unwrap();
    if let Ok(written) = std::fs::read_to_string(&out_path) {
        assert_eq!(
            written.lines().count(),
            3000,
            "a partial output file was left"
        );
    }

    // A complete run, then an interrupted one: the complete output stays.
    let small = tempfile::tempdir().unwrap();
    std::fs::write(small.path().join("a.txt"), &text).unwrap();
    let done = run(&[
        small.path().to_str().unwrap(),
        "--output",
        out_path.to_str().unwrap(),
    ]);
    assert!(done.status.success(), "{}", stderr(&done));
    let before = std::fs::read(&out_path).unwrap();
    let mut child = Command::new(convert_bin())
        .args([
            input.path().to_str().unwrap(),
            "--output",
            out_path.to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    child.kill().unwrap();
    child.wait().unwrap();
    let after = std::fs::read(&out_path).unwrap();
    let lines = after.iter().filter(|&&b| b == b'\n').count();
    assert!(
        after == before || lines == 3000,
        "output is neither the previous file nor complete ({lines} lines)"
    );
}

#[test]
fn parallel_jobs_keep_input_order_and_records() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let data = data.to_str().unwrap();
    let one = run(&[data, "--jobs", "1"]);
    let three = run(&[data, "--jobs", "3"]);
    assert!(one.status.success() && three.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(
        one.stdout, three.stdout,
        "records or their order differ between 1 and 3 jobs"
    );
    assert!(stderr(&three).contains("3 jobs"), "{}", stderr(&three));
    let bad = run(&["--jobs", "0"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// More files than the workers may run ahead of the writer (32 per job) and
/// than fit in a few batches, so that workers hand over batches out of order
/// and wait for the writer: the records must still come out in input order,
/// one per file, as with one job.
#[test]
fn many_files_keep_input_order_with_every_job_count() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    assert!(texts.len() >= 10, "too few fixtures: {}", texts.len());
    let dir = tempfile::tempdir().unwrap();
    for n in 0..300 {
        // Texts of different sizes in turn, so workers finish out of order.
        let text = std::fs::read(&texts[n * 7 % texts.len()]).unwrap();
        std::fs::write(dir.path().join(format!("{n:04}.txt")), text).unwrap();
    }
    let p = dir.path().to_str().unwrap();
    let one = run(&[p, "--jobs", "1"]);
    assert!(one.status.success(), "{}", stderr(&one));
    assert_eq!(one.stdout.iter().filter(|&&b| b == b'\n').count(), 300);
    for jobs in ["2", "3", "5"] {
        let many = run(&[p, "--jobs", jobs]);
        assert!(many.status.success(), "{}", stderr(&many));
        assert!(
            one.stdout == many.stdout,
            "records or their order differ between 1 and {jobs} jobs"
        );
    }
}

/// A link to a folder is walked like the folder, and a link to a text is
/// converted like the text: entries are typed by the folder listing, which
/// names a link as a link, so links are followed to tell.
#[cfg(unix)]
#[test]
fn links_to_folders_and_texts_are_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir(outside.path().join("pohjanmaa")).unwrap();
    std::fs::write(
        outside.path().join("pohjanmaa/c.txt"),
        "Työryhmä\n\nTyöryhmä kokoontui Vaasassa.\n",
    )
    .unwrap();
    std::fs::write(
        outside.path().join("d.txt"),
        "Tiimi\n\nTiimi kokoontui Seinäjoella.\n",
    )
    .unwrap();
    let dir = archive();
    let p = dir.path();
    std::fs::remove_file(p.join("rikki.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("pohjanmaa"), p.join("linkki")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("d.txt"), p.join("linkki.txt")).unwrap();
    for jobs in ["1", "2"] {
        let out = run(&[p.to_str().unwrap(), "--jobs", jobs]);
        assert!(out.status.success(), "--jobs {jobs}: {}", stderr(&out));
        let sources = sources_of(&out);
        assert_eq!(
            sources,
            ["a.txt", "kainuu/b.txt", "linkki/c.txt", "linkki.txt"],
            "--jobs {jobs}"
        );
    }
}

/// A link back to a folder being walked would lead the walk round and
/// round, converting the same texts again under ever longer names: it is
/// reported, not followed, and everything else is still converted once.
#[cfg(unix)]
#[test]
fn links_that_loop_back_are_reported_not_followed() {
    let dir = archive();
    let p = dir.path();
    std::fs::remove_file(p.join("rikki.txt")).unwrap();
    std::os::unix::fs::symlink(p, p.join("kainuu/takaisin")).unwrap();
    std::os::unix::fs::symlink(p.join("kainuu"), p.join("kainuu/tama")).unwrap();
    for jobs in ["1", "2"] {
        let out = run(&[p.to_str().unwrap(), "--jobs", jobs]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "--jobs {jobs}: {err}");
        let sources = sources_of(&out);
        assert_eq!(sources, ["a.txt", "kainuu/b.txt"], "--jobs {jobs}");
        for link in ["takaisin", "tama"] {
            assert!(
                err.lines()
                    .any(|l| l.contains(&format!("kainuu/{link}")) && l.contains("loops back")),
                "--jobs {jobs}: no loop reported for {link}: {err}"
            );
        }
    }
}
