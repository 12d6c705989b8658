//! XML: the contract's element and attribute names, written with quick-xml
//! through one sanitising chokepoint, and read back into the model.
//!
//! The shape (checked by `schema/sote-records.xsd`):
//!
//! ```xml
//! <documents>
//!   <document kind="news_article" published="2018-02-23">
//!     <source>uutiset/2018-02-23.txt</source>
//!     <title>…</title>
//!     <region>Pohjois-Pohjanmaa</region>
//!     <entries/>
//!     <bodies>
//!       <body kind="steering_group" span="120 163">
//!         <name>Maakunta- ja sote-uudistuksen johtoryhmä</name>
//!         <aliases><alias>johtoryhmä</alias></aliases>
//!         <text>Maakunta- ja sote-uudistuksen johtoryhmässä</text>
//!       </body>
//!     </bodies>
//!     …
//!   </document>
//! </documents>
//! ```
//!
//! Short typed values (kinds, dates, numbers, spans `"start end"`) are
//! attributes; names and prose are element text. A character that XML 1.0
//! cannot carry at all (NUL, ESC, U+FFFE…) is written as `<char hex="1B"/>`
//! inside the text and read back as the character, so a round trip gives the
//! same record whatever the source held.

mod read;
mod sanitize;
mod track;
mod write;

use std::io::Write;

pub use read::{XmlDocumentsReader, from_xml};

use super::DocumentWriter;
use crate::Document;
use crate::error::Result;
use write::XmlOut;

/// The record as an XML document with root `<document>`.
///
/// ```
/// let mut doc = sote_records::Document::new("a.txt");
/// doc.title = Some("Ohjausryhmä <uusi> & \u{1b}".into());
/// let xml = sote_records::to_xml_string(&doc)?;
/// assert!(xml.contains("<title>Ohjausryhmä &lt;uusi&gt; &amp; <char hex=\"1B\"/></title>"));
/// assert_eq!(sote_records::from_xml(&xml)?, doc);
/// # Ok::<(), sote_records::Error>(())
/// ```
pub fn to_xml_string(document: &Document) -> Result<String> {
    let mut out = Vec::new();
    write_xml(&mut out, document)?;
    // The writer only ever writes UTF-8 `str` data.
    Ok(String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Writes the record as an XML document with root `<document>`.
pub fn write_xml<W: Write>(writer: W, document: &Document) -> Result<()> {
    let mut out = XmlOut::new(writer);
    out.declaration()?;
    out.document(document)?;
    let mut inner = out.into_inner();
    inner.write_all(b"\n")?;
    inner.flush()?;
    Ok(())
}

/// Writes records as one XML document with root `<documents>`, each record
/// as it arrives.
pub struct XmlDocumentsWriter<W: Write> {
    out: XmlOut<W>,
    started: bool,
    finished: bool,
}

impl<W: Write> XmlDocumentsWriter<W> {
    /// A writer into `writer` (wrap files in a `BufWriter`).
    pub fn new(writer: W) -> Self {
        XmlDocumentsWriter {
            out: XmlOut::new(writer),
            started: false,
            finished: false,
        }
    }

    fn start(&mut self) -> Result<()> {
        if !self.started {
            self.out.declaration()?;
            self.out.open("documents", &[])?;
            self.started = true;
        }
        Ok(())
    }

    /// Finishes the document and returns the inner writer.
    pub fn into_inner(mut self) -> Result<W> {
        self.finish()?;
        Ok(self.out.into_inner())
    }
}

impl<W: Write> DocumentWriter for XmlDocumentsWriter<W> {
    fn write_document(&mut self, document: &Document) -> Result<()> {
        self.start()?;
        self.out.document(document)
    }

    fn finish(&mut self) -> Result<()> {
        if !self.finished {
            self.start()?;
            self.out.close("documents")?;
            self.out.get_mut().write_all(b"\n")?;
            self.finished = true;
        }
        self.out.get_mut().flush()?;
        Ok(())
    }
}
