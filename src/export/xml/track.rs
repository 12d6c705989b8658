//! A `BufRead` wrapper that can say on which line and column a byte lies.
//!
//! quick-xml reports errors as byte offsets; users want `line:column`. The
//! wrapper counts lines and columns of the bytes read before a *mark* (set
//! after each XML event) and keeps only the bytes read since, so memory stays
//! bounded by one event however long the stream.

use std::io::{self, BufRead, Read};

use crate::error::Position;

pub(crate) struct Tracked<R> {
    inner: R,
    /// Offset of the mark.
    mark: usize,
    /// Line (from 1) and column (from 1, in characters) at the mark.
    line: usize,
    column: usize,
    /// Bytes consumed since the mark.
    recent: Vec<u8>,
}

impl<R: BufRead> Tracked<R> {
    pub(crate) fn new(inner: R) -> Self {
        Tracked {
            inner,
            mark: 0,
            line: 1,
            column: 1,
            recent: Vec::new(),
        }
    }

    /// Folds the bytes consumed so far into the line and column counts.
    pub(crate) fn set_mark(&mut self) {
        for &b in &self.recent {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if (b & 0xC0) != 0x80 {
                self.column += 1;
            }
        }
        self.mark += self.recent.len();
        self.recent.clear();
    }

    /// The position of byte `offset`; offsets before the mark are reported
    /// at the mark, offsets past what was read at the end of it.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let upto = offset.saturating_sub(self.mark).min(self.recent.len());
        let (mut line, mut column) = (self.line, self.column);
        for &b in &self.recent[..upto] {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else if (b & 0xC0) != 0x80 {
                column += 1;
            }
        }
        Position {
            byte: self.mark + upto,
            line,
            column,
        }
    }
}

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // The bytes being consumed are still in the inner buffer: no I/O here.
        if let Ok(buf) = self.inner.fill_buf() {
            let n = amount.min(buf.len());
            self.recent.extend_from_slice(&buf[..n]);
        }
        self.inner.consume(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_before_and_after_marks() {
        let mut t = Tracked::new("ab\nÄx\ny".as_bytes());
        let mut buf = [0u8; 4];
        t.read_exact(&mut buf).unwrap(); // "ab\nÄ" is 5 bytes: read 4
        t.set_mark();
        let mut rest = Vec::new();
        t.read_to_end(&mut rest).unwrap();
        let p = t.position(5); // 'x', after the two-byte 'Ä'
        assert_eq!((p.line, p.column, p.byte), (2, 2, 5));
        let p = t.position(7); // 'y'
        assert_eq!((p.line, p.column), (3, 1));
        let p = t.position(1); // before the mark: reported at the mark
        assert_eq!(p.byte, 4);
    }
}
