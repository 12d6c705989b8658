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
