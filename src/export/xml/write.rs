//! Document records as XML events, through the sanitising chokepoint.

use std::borrow::Cow;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use super::sanitize::{TextPiece, attribute_value, text_pieces};
use crate::error::Result;
use crate::model::{
    Amount, Body, DateMention, Document, EdtfDate, Entry, Event as Happening, Meeting,
    Organization, Person, Place, Programme, Span,
};

/// The marker element for a character XML 1.0 cannot carry.
pub(crate) const CHAR_ELEMENT: &str = "char";

/// An attribute: name and value, or no value (then it is not written).
type Attr<'a> = (&'a str, Option<Cow<'a, str>>);

/// Formats a span as the attribute value `"start end"`.
fn span_value(span: Span) -> Option<Cow<'static, str>> {
    Some(Cow::Owned(format!("{} {}", span.start, span.end)))
}

fn date_value(date: Option<EdtfDate>) -> Option<Cow<'static, str>> {
    date.map(|d| Cow::Owned(d.to_string()))
}

fn count_value(count: Option<u32>) -> Option<Cow<'static, str>> {
    count.map(|c| Cow::Owned(c.to_string()))
}

/// A quick-xml writer with two spaces of indentation between elements.
///
/// quick-xml's own indentation is not used: it would add whitespace inside
/// element text around `<char/>` markers and change the text.
pub(crate) struct XmlOut<W: Write> {
    writer: Writer<W>,
    depth: usize,
}

impl<W: Write> XmlOut<W> {
    pub(crate) fn new(inner: W) -> Self {
        XmlOut {
            writer: Writer::new(inner),
            depth: 0,
        }
    }

    pub(crate) fn into_inner(self) -> W {
        self.writer.into_inner()
    }

    pub(crate) fn get_mut(&mut self) -> &mut W {
        self.writer.get_mut()
    }

    pub(crate) fn declaration(&mut self) -> Result<()> {
        self.get_mut()
            .write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        Ok(())
    }

    fn indent(&mut self) -> Result<()> {
        let pad = format!("\n{:width$}", "", width = self.depth * 2);
        self.writer
            .write_event(Event::Text(BytesText::from_escaped(pad)))?;
        Ok(())
    }

    fn start<'a>(name: &'a str, attrs: &'a [Attr<'a>]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            if let Some(value) = value {
                start.push_attribute(Attribute {
                    key: QName(key),
                    value: attribute_value(value),
                });
            }
        }
        start
    }

    pub(crate) fn open(&mut self, name: &str, attrs: &[Attr<'_>]) -> Result<()> {
        self.indent()?;
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))?;
        self.depth += 1;
        Ok(())
    }

    pub(crate) fn close(&mut self, name: &str) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.indent()?;
        self.writer.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    /// `<name attrs>text</name>`, with unrepresentable characters as markers.
    fn text_element(&mut self, name: &str, attrs: &[Attr<'_>], text: &str) -> Result<()> {
        self.indent()?;
        self.writer
            .write_event(Event::Start(Self::start(name, attrs)))?;
        for piece in text_pieces(text) {
            match piece {
                TextPiece::Escaped(s) => self
                    .writer
                    .write_event(Event::Text(BytesText::from_escaped(s)))?,
                TextPiece::Unrepresentable(c) => {
                    let hex = format!("{:X}", u32::from(c));
                    let marker = [("hex", Some(Cow::Owned(hex)))];
                    self.writer
                        .write_event(Event::Empty(Self::start(CHAR_ELEMENT, &marker)))?
                }
            }
        }
        self.writer.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    fn text_if(&mut self, name: &str, text: Option<&str>) -> Result<()> {
        match text {
            Some(t) => self.text_element(name, &[], t),
            None => Ok(()),
        }
    }

    /// A list key as a wrapper of singular children; empty lists too, so
    /// every key of the contract is present.
    fn list<T>(
        &mut self,
        wrapper: &str,
        items: &[T],
        mut item: impl FnMut(&mut Self, &T) -> Result<()>,
    ) -> Result<()> {
        if items.is_empty() {
            self.indent()?;
            self.writer
                .write_event(Event::Empty(BytesStart::new(wrapper)))?;
            return Ok(());
        }
        self.open(wrapper, &[])?;
        for x in items {
            item(self, x)?;
        }
        self.close(wrapper)
    }

    fn names(&mut self, wrapper: &str, singular: &str, names: &[String]) -> Result<()> {
        self.list(wrapper, names, |out, n| out.text_element(singular, &[], n))
    }

    /// Writes one `<document>` element.
    pub(crate) fn document(&mut self, doc: &Document) -> Result<()> {
        self.open(
            "document",
            &[
                ("kind", Some(doc.kind.as_str().into())),
                ("published", date_value(doc.published)),
                ("comments", count_value(doc.comments)),
            ],
        )?;
        self.text_element("source", &[], &doc.source)?;
        self.text_if("title", doc.title.as_deref())?;
        self.text_if("region", doc.region.as_deref())?;
        self.list("entries", &doc.entries, Self::entry)?;
        self.list("bodies", &doc.bodies, Self::body)?;
        self.list("people", &doc.people, Self::person)?;
        self.list("meetings", &doc.meetings, Self::meeting)?;
        self.list("events", &doc.events, Self::happening)?;
        self.list("dates", &doc.dates, Self::date)?;
        self.list("amounts", &doc.amounts, Self::amount)?;
        self.list("places", &doc.places, |o, p: &Place| {
            o.named("place", &p.name, &p.text, p.span)
        })?;
        self.list(
            "organizations",
            &doc.organizations,
            |o, x: &Organization| o.named("organization", &x.name, &x.text, x.span),
        )?;
        self.list("programmes", &doc.programmes, |o, x: &Programme| {
            o.named("programme", &x.name, &x.text, x.span)
        })?;
        self.close("document")
    }

    fn entry(&mut self, e: &Entry) -> Result<()> {
        self.open(
            "entry",
            &[
                ("posted", date_value(e.posted)),
                ("comments", count_value(e.comments)),
                ("span", span_value(e.span)),
            ],
        )?;
        self.text_element("title", &[], &e.title)?;
        self.names("documents", "document", &e.documents)?;
        self.text_if("summary", e.summary.as_deref())?;
        self.close("entry")
    }

    fn body(&mut self, b: &Body) -> Result<()> {
        self.open(
            "body",
            &[
                ("kind", Some(b.kind.as_str().into())),
                ("span", span_value(b.span)),
            ],
        )?;
        self.text_element("name", &[], &b.name)?;
        self.text_if("abbreviation", b.abbreviation.as_deref())?;
        self.names("aliases", "alias", &b.aliases)?;
        self.text_element("text", &[], &b.text)?;
        self.close("body")
    }

    fn person(&mut self, p: &Person) -> Result<()> {
        self.open("person", &[("span", span_value(p.span))])?;
        self.text_element("name", &[], &p.name)?;
        self.text_if("title", p.title.as_deref())?;
        self.text_if("phone", p.phone.as_deref())?;
        self.text_if("email", p.email.as_deref())?;
        self.list("roles", &p.roles, |o, r| {
            o.text_element("role", &[("role", Some(r.role.as_str().into()))], &r.body)
        })?;
        self.text_element("text", &[], &p.text)?;
        self.close("person")
    }

    fn meeting(&mut self, m: &Meeting) -> Result<()> {
        self.open(
            "meeting",
            &[
                ("date", date_value(m.date)),
                ("status", Some(m.status.as_str().into())),
                ("span", span_value(m.span)),
            ],
        )?;
        self.names("bodies", "body", &m.bodies)?;
        self.text_if("location", m.location.as_deref())?;
        self.names("documents", "document", &m.documents)?;
        self.text_element("text", &[], &m.text)?;
        self.close("meeting")
    }

    fn happening(&mut self, e: &Happening) -> Result<()> {
        self.open(
            "event",
            &[
                ("kind", Some(e.kind.as_str().into())),
                ("date", date_value(e.date)),
                ("span", span_value(e.span)),
            ],
        )?;
        self.text_element("text", &[], &e.text)?;
        self.close("event")
    }

    fn date(&mut self, d: &DateMention) -> Result<()> {
        let attrs = [
            ("value", date_value(Some(d.value))),
            ("span", span_value(d.span)),
        ];
        self.open("date", &attrs)?;
        self.text_element("text", &[], &d.text)?;
        self.close("date")
    }

    fn amount(&mut self, a: &Amount) -> Result<()> {
        let attrs = [
            ("value", Some(a.value.to_string().into())),
            ("currency", Some(a.currency.as_str().into())),
            ("approximate", Some(a.approximate.to_string().into())),
            ("span", span_value(a.span)),
        ];
        self.open("amount", &attrs)?;
        self.text_element("text", &[], &a.text)?;
        self.close("amount")
    }

    /// Places, organisations and programmes share one shape.
    fn named(&mut self, element: &str, name: &str, text: &str, span: Span) -> Result<()> {
        self.open(element, &[("span", span_value(span))])?;
        self.text_element("name", &[], name)?;
        self.text_element("text", &[], text)?;
        self.close(element)
    }
}
