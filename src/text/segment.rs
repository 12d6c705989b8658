//! Lines and blocks, borrowed from the source with their offsets.

use super::space::{trim_end_space, trim_start_space};

/// One line of the source, without its line end and without surrounding
/// space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The trimmed text of the line.
    pub(crate) text: &'a str,
    /// Byte offset of `text` in the source.
    pub(crate) start: usize,
}

impl<'a> Line<'a> {
    /// Byte offset one past the end of `text`.
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Whether the line holds nothing but space.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Every line of `source`, trimmed. Line ends are `\n`, `\r\n` or a lone `\r`.
///
/// The line ends are found by one `memchr2` iterator over the whole source
/// (where a call for each line paid the search's start-up every time), and
/// room is made for a line every [`BYTES_PER_LINE`] bytes.
pub(crate) fn lines(source: &str) -> Vec<Line<'_>> {
    let bytes = source.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / BYTES_PER_LINE + 1);
    let mut start = 0;
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if end < start {
            continue; // the `\n` of a `\r\n`, ended already
        }
        out.push(trimmed(source, start, end));
        start = if bytes.get(end..end + 2) == Some(&b"\r\n"[..]) {
            end + 2
        } else {
            end + 1
        };
    }
    if start < bytes.len() || out.is_empty() {
        out.push(trimmed(source, start, bytes.len()));
    }
    out
}

/// Fewer bytes than the lines of a scraped page hold on average (about
/// 50), so that [`lines`] seldom grows its list.
const BYTES_PER_LINE: usize = 40;

/// `source[start..end]` without surrounding space, trimmed once at each end.
#[inline(always)]
fn trimmed(source: &str, start: usize, end: usize) -> Line<'_> {
    let raw = source.get(start..end).unwrap_or_default();
    let led = trim_start_space(raw);
    Line {
        text: trim_end_space(led),
        start: end - led.len(),
    }
}

/// [`lines`] as it was before its one iterator: a `memchr2` call for each
/// line, and each line trimmed at its start twice. The oracle of
/// `lines_agree_with_the_line_by_line_split`.
#[cfg(test)]
fn lines_by_calls(source: &str) -> Vec<Line<'_>> {
    use super::space::is_space;
    fn trimmed(source: &str, start: usize, end: usize) -> Line<'_> {
        let raw = &source[start..end];
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        Line {
            text: raw.trim_matches(is_space),
            start: start + lead,
        }
    }
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            Some(k) => {
                let end = i + k;
                out.push(trimmed(source, start, end));
                i = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                start = i;
            }
            None => break,
        }
    }
    if start < bytes.len() || out.is_empty() {
        out.push(trimmed(source, start, bytes.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of sources: every line end, runs of them, spaces of one to
    /// three bytes, Finnish letters.
    const PIECES: &[&str] = &[
        "\n",
        "\r",
        "\r\n",
        "\n\r",
        "\r\r\n",
        "\n\n",
        " ",
        "\t",
        "\u{a0}",
        "\u{feff}",
        "\u{2009}",
        "\u{85}",
        "Työryhmä",
        "ä",
        "Ä",
        "kokous",
        "x",
        "1.2.2019",
        "–",
    ];

    proptest::proptest! {
        #[test]
        fn lines_agree_with_the_line_by_line_split(
            picks in proptest::collection::vec(0usize..1000, 0..40),
        ) {
            let src: String = picks.iter().map(|&i| PIECES[i % PIECES.len()]).collect();
            proptest::prop_assert_eq!(lines(&src), lines_by_calls(&src), "{:?}", src);
        }
    }

    #[test]
    fn every_line_end_style_splits() {
        let src = "yksi\r\nkaksi\rkolme\nneljä";
        let texts: Vec<_> = lines(src).iter().map(|l| l.text).collect();
        assert_eq!(texts, ["yksi", "kaksi", "kolme", "neljä"]);
    }

    #[test]
    fn lines_are_trimmed_and_offsets_point_into_the_source() {
        let src = "\u{FEFF}Otsikko\n \u{A0}Työryhmä kokoontui \n";
        for l in lines(src) {
            assert_eq!(&src[l.start..l.end()], l.text);
        }
        let ls = lines(src);
        assert_eq!(ls[0].text, "Otsikko");
        assert_eq!(ls[1].text, "Työryhmä kokoontui");
        assert_eq!(ls.len(), 2, "a final line end does not open an empty line");
    }

    #[test]
    fn empty_input_is_one_blank_line() {
        assert_eq!(lines(""), vec![Line { text: "", start: 0 }]);
    }
}
