//! The bundled sample archive against the document-level facts a careful
//! reader assigns to each text (`tests/expected/sample/`, written by hand
//! with the texts, not produced by the parser).

use std::path::{Path, PathBuf};

fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            expected_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

#[test]
fn document_level_fields_match_the_hand_checked_facts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected_root = root.join("tests/expected/sample");
    let mut files = Vec::new();
    expected_files(&expected_root, &mut files);
    assert!(files.len() >= 10, "only {} expected files", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let relative = file
            .strip_prefix(&expected_root)
            .unwrap()
            .with_extension("txt");
        let text = std::fs::read_to_string(root.join("examples/data").join(&relative)).unwrap();
        let doc = sote_records::parse(&relative.display().to_string(), &text).unwrap();
        let got: serde_json::Value =
            serde_json::from_str(&sote_records::to_json_string(&doc).unwrap()).unwrap();
        let want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for key in ["kind", "title", "published", "region", "comments"] {
            if got[key] != want[key] {
                failures.push(format!(
                    "{}: {key}: expected {}, got {}",
                    relative.display(),
                    want[key],
                    got[key]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
