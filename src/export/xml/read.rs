//! XML back into document records: events → a small tree per record → model.

use std::io::BufRead;
use std::str::FromStr;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::sanitize::is_xml_char;
use super::track::Tracked;
use super::write::CHAR_ELEMENT;
use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::{
    Amount, Body, Currency, DateMention, Document, Entry, Event as Happening, Meeting,
    Organization, Person, Place, Programme, Role, Span,
};

/// One element of a record, with its text (`<char/>` markers resolved).
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
    at: Option<Position>,
}

fn record_error(node: &Node, message: String) -> Error {
    let err = Error::new(ErrorKind::XmlRecord(message));
    match node.at {
        Some(p) => err.at(p),
        None => err,
    }
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn parse_attr<T: FromStr>(&self, name: &str) -> Result<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.attr(name)
            .map(|v| {
                if v.starts_with(['+', ' ']) || v.ends_with(' ') {
                    return Err(record_error(
                        self,
                        format!(
                            "<{}> attribute {name}={v:?}: stray sign or space",
                            self.name
                        ),
                    ));
                }
                v.parse().map_err(|e| {
                    record_error(self, format!("<{}> attribute {name}={v:?}: {e}", self.name))
                })
            })
            .transpose()
    }

    fn required_attr<T: FromStr>(&self, name: &str) -> Result<T>
    where
        T::Err: std::fmt::Display,
    {
        self.parse_attr(name)?.ok_or_else(|| {
            record_error(self, format!("<{}> lacks the attribute {name}", self.name))
        })
    }

    fn span(&self) -> Result<Span> {
        let value = self.required_attr::<String>("span")?;
        let mut parts = value.split(' ').map(usize::from_str);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(start)), Some(Ok(end)), None) if start <= end => Ok(Span::new(start, end)),
            _ => Err(record_error(
                self,
                format!(
                    "<{}> span {value:?} is not \"start end\" with start <= end",
                    self.name
                ),
            )),
        }
    }

    /// Checks the element's shape: attributes among `attrs`, child elements
    /// among `children` and each at most once, and no loose text. A
    /// misspelt, repeated or foreign part is an error, never silently lost.
    fn shape(&self, attrs: &[&str], children: &[&str]) -> Result<()> {
        self.check_attrs(attrs)?;
        for (i, c) in self.children.iter().enumerate() {
            if !children.contains(&c.name.as_str()) {
                return Err(record_error(
                    c,
                    format!("unexpected element <{}> in <{}>", c.name, self.name),
                ));
            }
            if self.children[..i].iter().any(|d| d.name == c.name) {
                return Err(record_error(
                    c,
                    format!("<{}> appears twice in <{}>", c.name, self.name),
                ));
            }
        }
        self.no_loose_text()
    }

    fn check_attrs(&self, attrs: &[&str]) -> Result<()> {
        match self
            .attrs
            .iter()
            .find(|(k, _)| !attrs.contains(&k.as_str()))
        {
            Some((k, _)) => Err(record_error(
                self,
                format!("unexpected attribute {k} on <{}>", self.name),
            )),
            None => Ok(()),
        }
    }

    fn no_loose_text(&self) -> Result<()> {
        if self
            .text
            .trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
            .is_empty()
        {
            Ok(())
        } else {
            Err(record_error(
                self,
                format!("text directly inside <{}>", self.name),
            ))
        }
    }

    /// The text of a text element, which must hold no other elements.
    fn leaf_text(&self, attrs: &[&str]) -> Result<String> {
        self.check_attrs(attrs)?;
        match self.children.first() {
            Some(c) => Err(record_error(
                c,
                format!("unexpected element <{}> in <{}>", c.name, self.name),
            )),
            None => Ok(self.text.clone()),
        }
    }

    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn text_of(&self, name: &str) -> Result<Option<String>> {
        self.child(name).map(|c| c.leaf_text(&[])).transpose()
    }

    fn required_text(&self, name: &str) -> Result<String> {
        self.text_of(name)?.ok_or_else(|| {
            record_error(self, format!("<{}> lacks the element <{name}>", self.name))
        })
    }

    /// The items of list key `wrapper`, each converted by `item`.
    fn list<T>(
        &self,
        wrapper: &str,
        singular: &str,
        item: impl Fn(&Node) -> Result<T>,
    ) -> Result<Vec<T>> {
        let w = self.child(wrapper).ok_or_else(|| {
            record_error(self, format!("<{}> lacks the list <{wrapper}>", self.name))
        })?;
        w.check_attrs(&[])?;
        w.no_loose_text()?;
        if let Some(c) = w.children.iter().find(|c| c.name != singular) {
            return Err(record_error(
                c,
                format!("unexpected element <{}> in <{wrapper}>", c.name),
            ));
        }
        w.children.iter().map(item).collect()
    }

    fn names(&self, wrapper: &str, singular: &str) -> Result<Vec<String>> {
        self.list(wrapper, singular, |n| n.leaf_text(&[]))
    }

    /// The character a `<char hex="1B"/>` marker stands for: one that XML
    /// 1.0 cannot carry, as the writer only writes markers for those.
    fn marker_char(&self) -> Result<char> {
        self.check_attrs(&["hex"])?;
        if !self.children.is_empty() || !self.text.is_empty() {
            return Err(record_error(self, "<char> must be empty".into()));
        }
        self.attr("hex")
            .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
            .filter(|&c| !is_xml_char(c))
            .ok_or_else(|| {
                record_error(
                    self,
                    "<char> needs hex=\"…\" naming a character XML cannot carry".into(),
                )
            })
    }
}

fn document(n: &Node) -> Result<Document> {
    n.shape(
        &["kind", "published", "comments"],
        &[
            "source",
            "title",
            "region",
            "entries",
            "bodies",
            "people",
            "meetings",
            "events",
            "dates",
            "amounts",
            "places",
            "organizations",
            "programmes",
        ],
    )?;
    Ok(Document {
        source: n.required_text("source")?,
        kind: n.required_attr("kind")?,
        title: n.text_of("title")?,
        published: n.parse_attr("published")?,
        region: n.text_of("region")?,
        entries: n.list("entries", "entry", entry)?,
        bodies: n.list("bodies", "body", body)?,
        people: n.list("people", "person", person)?,
        meetings: n.list("meetings", "meeting", meeting)?,
        events: n.list("events", "event", happening)?,
        dates: n.list("dates", "date", date)?,
        amounts: n.list("amounts", "amount", amount)?,
        places: n.list("places", "place", |x| {
            x.shape(&["span"], &["name", "text"])?;
            Ok(Place {
                name: x.required_text("name")?,
                text: x.required_text("text")?,
                span: x.span()?,
            })
        })?,
        organizations: n.list("organizations", "organization", |x| {
            x.shape(&["span"], &["name", "text"])?;
            Ok(Organization {
                name: x.required_text("name")?,
                text: x.required_text("text")?,
                span: x.span()?,
            })
        })?,
        programmes: n.list("programmes", "programme", |x| {
            x.shape(&["span"], &["name", "text"])?;
            Ok(Programme {
                name: x.required_text("name")?,
                text: x.required_text("text")?,
                span: x.span()?,
            })
        })?,
        comments: n.parse_attr("comments")?,
    })
}

fn entry(n: &Node) -> Result<Entry> {
    n.shape(
        &["posted", "comments", "span"],
        &["title", "documents", "summary"],
    )?;
    Ok(Entry {
        posted: n.parse_attr("posted")?,
        title: n.required_text("title")?,
        documents: n.names("documents", "document")?,
        summary: n.text_of("summary")?,
        comments: n.parse_attr("comments")?,
        span: n.span()?,
    })
}

fn body(n: &Node) -> Result<Body> {
    n.shape(
        &["kind", "span"],
        &["name", "abbreviation", "aliases", "text"],
    )?;
    Ok(Body {
        name: n.required_text("name")?,
        kind: n.required_attr("kind")?,
        abbreviation: n.text_of("abbreviation")?,
        aliases: n.names("aliases", "alias")?,
        text: n.required_text("text")?,
        span: n.span()?,
    })
}

fn person(n: &Node) -> Result<Person> {
    n.shape(
        &["span"],
        &["name", "title", "phone", "email", "roles", "text"],
    )?;
    Ok(Person {
        name: n.required_text("name")?,
        title: n.text_of("title")?,
        phone: n.text_of("phone")?,
        email: n.text_of("email")?,
        roles: n.list("roles", "role", |r| {
            Ok(Role {
                role: r.required_attr("role")?,
                body: r.leaf_text(&["role"])?,
            })
        })?,
        text: n.required_text("text")?,
        span: n.span()?,
    })
}

fn meeting(n: &Node) -> Result<Meeting> {
    n.shape(
        &["date", "status", "span"],
        &["bodies", "location", "documents", "text"],
    )?;
    Ok(Meeting {
        bodies: n.names("bodies", "body")?,
        date: n.parse_attr("date")?,
        location: n.text_of("location")?,
        status: n.required_attr("status")?,
        documents: n.names("documents", "document")?,
        text: n.required_text("text")?,
        span: n.span()?,
    })
}

fn happening(n: &Node) -> Result<Happening> {
    n.shape(&["kind", "date", "span"], &["text"])?;
    Ok(Happening {
        kind: n.required_attr("kind")?,
        date: n.parse_attr("date")?,
        text: n.required_text("text")?,
        span: n.span()?,
    })
}

fn date(n: &Node) -> Result<DateMention> {
    n.shape(&["value", "span"], &["text"])?;
    Ok(DateMention {
        value: n.required_attr("value")?,
        text: n.required_text("text")?,
        span: n.span()?,
    })
}

fn amount(n: &Node) -> Result<Amount> {
    n.shape(&["value", "currency", "approximate", "span"], &["text"])?;
    Ok(Amount {
        value: n.required_attr("value")?,
        currency: n.required_attr::<Currency>("currency")?,
        approximate: n.required_attr("approximate")?,
        text: n.required_text("text")?,
        span: n.span()?,
    })
}

/// Adds a finished element to its parent: a `<char/>` marker as the
/// character it stands for, anything else as a child.
fn attach(stack: &mut [Node], node: Node) -> Result<()> {
    let Some(parent) = stack.last_mut() else {
        return Ok(());
    };
    if node.name == CHAR_ELEMENT {
        parent.text.push(node.marker_char()?);
    } else {
        parent.children.push(node);
    }
    Ok(())
}

/// The character a general reference stands for: a character reference or
/// one of XML's five predefined entities.
fn resolve_reference(r: &BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    match r.as_ref() {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

/// Reads `<documents>` (or a single `<document>`) one record at a time.
///
/// Memory holds one record, whatever the size of the stream. Errors say the
/// line, column and byte where the XML or the record went wrong; after an
/// error in the XML itself the reader stops (the stream cannot be trusted),
/// while a well-formed record with a bad value is skipped and reading goes on.
///
/// ```
/// use sote_records::{Document, DocumentWriter, XmlDocumentsReader, XmlDocumentsWriter};
///
/// let mut w = XmlDocumentsWriter::new(Vec::new());
/// w.write_document(&Document::new("a.txt"))?;
/// w.write_document(&Document::new("b.txt"))?;
/// let xml = w.into_inner()?;
/// let back: Vec<Document> = XmlDocumentsReader::new(&xml[..]).collect::<Result<_, _>>()?;
/// assert_eq!(back[1].source, "b.txt");
/// # Ok::<(), sote_records::Error>(())
/// ```
pub struct XmlDocumentsReader<R: BufRead> {
    reader: Reader<Tracked<R>>,
    buf: Vec<u8>,
    /// Whether the root was a single `<document>` rather than `<documents>`.
    state: State,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Prolog,
    InDocuments,
    Done,
}

impl<R: BufRead> XmlDocumentsReader<R> {
    /// A reader over `reader`.
    pub fn new(reader: R) -> Self {
        let mut reader = Reader::from_reader(Tracked::new(reader));
        let config = reader.config_mut();
        config.check_end_names = true;
        config.trim_text(false);
        XmlDocumentsReader {
            reader,
            buf: Vec::new(),
            state: State::Prolog,
        }
    }

    fn locate(&self, offset: u64) -> Position {
        self.reader
            .get_ref()
            .position(usize::try_from(offset).unwrap_or(usize::MAX))
    }

    fn xml_error(&mut self, e: quick_xml::Error) -> Error {
        self.state = State::Done;
        let at = self.locate(self.reader.error_position());
        Error::new(ErrorKind::Xml(e.to_string())).at(at)
    }

    fn node(&self, start: &BytesStart<'_>, at: Position) -> Result<Node> {
        let mut attrs = Vec::new();
        for a in start.attributes() {
            let a = a.map_err(|e| Error::new(ErrorKind::Xml(e.to_string())).at(at))?;
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| Error::new(ErrorKind::Xml(e.to_string())).at(at))?;
            attrs.push((a.key.as_ref().to_owned(), value.into_owned()));
        }
        Ok(Node {
            name: start.name().as_ref().to_owned(),
            attrs,
            at: Some(at),
            ..Node::default()
        })
    }

    /// Reads events until the element opened by `root` closes.
    fn subtree(&mut self, root: Node) -> Result<Node> {
        let mut stack = vec![root];
        loop {
            self.reader.get_mut().set_mark();
            let at = self.locate(self.reader.buffer_position());
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e.into_owned(),
                Err(e) => return Err(self.xml_error(e)),
            };
            let top = stack.len() - 1;
            match event {
                Event::Start(s) => {
                    let node = self.node(&s, at)?;
                    stack.push(node);
                }
                Event::Empty(s) => {
                    let node = self.node(&s, at)?;
                    attach(&mut stack, node)?;
                }
                Event::End(_) => {
                    let done = stack.pop().unwrap_or_default();
                    if stack.is_empty() {
                        return Ok(done);
                    }
                    attach(&mut stack, done)?;
                }
                Event::Text(t) => stack[top].text.push_str(&t.xml10_content()),
                Event::CData(t) => stack[top].text.push_str(&t.into_inner()),
                Event::GeneralRef(r) => match resolve_reference(&r) {
                    Some(c) => stack[top].text.push(c),
                    None => {
                        self.state = State::Done;
                        return Err(Error::new(ErrorKind::Xml(format!(
                            "unknown entity &{};",
                            r.as_ref()
                        )))
                        .at(at));
                    }
                },
                Event::Eof => {
                    self.state = State::Done;
                    return Err(Error::new(ErrorKind::Xml(format!(
                        "input ends inside <{}>",
                        stack[top].name
                    )))
                    .at(at));
                }
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_) => {}
            }
        }
    }

    fn next_record(&mut self) -> Option<Result<Document>> {
        loop {
            if self.state == State::Done {
                return None;
            }
            self.reader.get_mut().set_mark();
            let at = self.locate(self.reader.buffer_position());
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e.into_owned(),
                Err(e) => return Some(Err(self.xml_error(e))),
            };
            match (self.state, event) {
                (State::Prolog, Event::Start(s)) if s.name().as_ref() == "documents" => {
                    self.state = State::InDocuments;
                }
                (State::Prolog, Event::Empty(s)) if s.name().as_ref() == "documents" => {
                    self.state = State::Done;
                }
                (State::Prolog, Event::Start(s)) | (State::InDocuments, Event::Start(s))
                    if s.name().as_ref() == "document" =>
                {
                    if self.state == State::Prolog {
                        self.state = State::Done;
                    }
                    let root = match self.node(&s, at) {
                        Ok(n) => n,
                        Err(e) => return Some(Err(e)),
                    };
                    return Some(self.subtree(root).and_then(|n| document(&n)));
                }
                (State::InDocuments, Event::End(_)) => {
                    self.state = State::Done;
                }
                (_, Event::Eof) => {
                    let was = self.state;
                    self.state = State::Done;
                    if was == State::InDocuments {
                        return Some(Err(Error::new(ErrorKind::Xml(
                            "input ends inside <documents>".into(),
                        ))
                        .at(at)));
                    }
                    if was == State::Prolog {
                        return Some(Err(Error::new(ErrorKind::Xml(
                            "no <documents> or <document> element".into(),
                        ))
                        .at(at)));
                    }
                    return None;
                }
                (_, Event::Text(t)) if t.trim().is_empty() => {}
                (_, Event::Comment(_) | Event::PI(_) | Event::Decl(_) | Event::DocType(_)) => {}
                (_, other) => {
                    self.state = State::Done;
                    return Some(Err(Error::new(ErrorKind::XmlRecord(format!(
                        "expected <document>, found {}",
                        describe(&other)
                    )))
                    .at(at)));
                }
            }
        }
    }
}

fn describe(event: &Event<'_>) -> String {
    match event {
        Event::Start(s) | Event::Empty(s) => format!("<{}>", s.name().as_ref()),
        Event::End(e) => format!("</{}>", e.name().as_ref()),
        Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) => "text".into(),
        _ => "markup".into(),
    }
}

impl<R: BufRead> Iterator for XmlDocumentsReader<R> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        self.next_record()
    }
}

/// Reads one record from XML whose root is `<document>` (or a `<documents>`
/// holding exactly one).
pub fn from_xml(xml: &str) -> Result<Document> {
    let mut reader = XmlDocumentsReader::new(xml.as_bytes());
    let first = reader.next().unwrap_or_else(|| {
        Err(Error::new(ErrorKind::XmlRecord(
            "no <document> element".into(),
        )))
    })?;
    match reader.next() {
        None => Ok(first),
        Some(Err(e)) => Err(e),
        Some(Ok(_)) => Err(Error::new(ErrorKind::XmlRecord(
            "more than one <document>: read them with XmlDocumentsReader".into(),
        ))),
    }
}
