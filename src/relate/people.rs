//! People: one record per person, with the title, phone and email the text
//! gives them and the roles they hold in bodies (role phrases, member lists,
//! contact blocks).

use crate::layout::{Layout, SectionKind};
use crate::lexicon::fx::FxHashMap;
use crate::model::{Person, Role, RoleKind, Span};
use crate::recognise::body::{BodyMatch, Case};
use crate::recognise::email::{EmailAddress, EmailMatch, EmailTemplate};
use crate::recognise::person::{PersonMatch, RoleMatch, is_given_name, parse_name_line, role_kind};
use crate::recognise::phone::PhoneMatch;
use crate::text::is_space;

use super::bodies::Registry;
use super::found::{Found, inside, span_of};

/// A name in the order the record writes it, given names first: a name read
/// as `Eerola Hanna` (a list's surname-first order after `varajäsen`) turns
/// to `Hanna Eerola` when only its last word is a given name.
///
/// The words after the first are read where they stand in the name, not
/// collected into a list and joined again (`given_first_by_words`, the
/// oracle of its test): splitting at the spaces and joining with them
/// gives back the same text.
fn given_first(name: &str) -> String {
    let Some((family, rest)) = name.split_once(' ') else {
        return name.to_owned();
    };
    if is_given_name(family) || !rest.split(' ').all(is_given_name) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    out.push_str(rest);
    out.push(' ');
    out.push_str(family);
    out
}

/// [`given_first`] as it was, the words collected into a list: the
/// oracle of its test.
#[cfg(test)]
fn given_first_by_words(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    match words.as_slice() {
        [family, rest @ ..]
            if !rest.is_empty()
                && !is_given_name(family)
                && rest.iter().all(|w| is_given_name(w)) =>
        {
            let mut out = rest.join(" ");
            out.push(' ');
            out.push_str(family);
            out
        }
        _ => name.to_owned(),
    }
}

/// Key under which mentions of one person merge: the name, case-folded.
fn key(name: &str) -> String {
    name.to_lowercase()
}

/// The people of one text, as they are gathered.
#[derive(Default)]
struct People {
    list: Vec<Person>,
    by_key: FxHashMap<String, usize>,
}

impl People {
    fn index(&self, name: &str) -> Option<usize> {
        self.by_key.get(&key(name)).copied()
    }

    /// The record of the person `m` names, made on first mention.
    fn mention(&mut self, m: &PersonMatch<'_>) -> usize {
        let name = given_first(&m.name);
        // The key made once, for the look-up and the insertion.
        let name_key = key(&name);
        let i = match self.by_key.get(&name_key).copied() {
            Some(i) => i,
            None => {
                self.by_key.insert(name_key, self.list.len());
                self.list.push(Person {
                    name,
                    title: None,
                    phone: None,
                    email: None,
                    roles: Vec::new(),
                    text: m.text.to_owned(),
                    span: m.span,
                });
                self.list.len() - 1
            }
        };
        if let Some((title, _)) = m.title
            && self.list[i].title.is_none()
            && !is_role_word(title)
        {
            self.list[i].title = Some(tidy(title));
        }
        i
    }

    /// The record of a person known only from a name line of a list.
    fn named(&mut self, name: &str, text: &str, span: Span) -> usize {
        if let Some(i) = self.index(name) {
            return i;
        }
        self.by_key.insert(key(name), self.list.len());
        self.list.push(Person {
            name: name.to_owned(),
            title: None,
            phone: None,
            email: None,
            roles: Vec::new(),
            text: text.to_owned(),
            span,
        });
        self.list.len() - 1
    }

    fn add_role(&mut self, i: usize, role: RoleKind, body: &str) {
        let role = Role {
            role,
            body: body.to_owned(),
        };
        if !self.list[i].roles.contains(&role) {
            self.list[i].roles.push(role);
        }
    }
}

/// Whether a "title" is only a role word (`puheenjohtaja`, `1.
/// varapuheenjohtaja`, `varajäsen`): a role in the body, not a title.
fn is_role_word(title: &str) -> bool {
    let bare = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || is_space(c));
    !bare.contains(is_space) && role_kind(bare).is_some()
}

/// A title with its runs of space as single spaces.
fn tidy(s: &str) -> String {
    s.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The body a role is held in: a body named right before the role word
/// (`Johtoryhmän puheenjohtajana`), else the nearest body named before it
/// in the same sentence, else the page's own body.
fn body_of_role(
    source: &str,
    r: &RoleMatch<'_>,
    found: &Found<'_>,
    registry: &Registry,
    sentence: Option<Span>,
) -> Option<String> {
    let scope = sentence.unwrap_or(r.span);
    // With their indexes: the registry knows each mention's body by it.
    let before: Vec<(usize, &BodyMatch<'_>)> = found
        .bodies_in(scope)
        .map(|i| (i, &found.bodies[i]))
        .filter(|(_, b)| !b.plural && b.span.end <= r.role_span.start)
        .collect();
    let adjacent = before.iter().rfind(|(_, b)| {
        b.case == Case::Genitive
            && source
                .get(b.span.end..r.role_span.start)
                .is_some_and(|gap| gap.chars().all(is_space))
    });
    adjacent
        .or(before.last())
        .and_then(|&(k, _)| registry.resolve_match(k))
        .or_else(|| registry.main())
        .map(str::to_owned)
}

/// The sentence containing `at`, if any.
fn sentence_at(found: &Found<'_>, at: usize) -> Option<Span> {
    let i = found.sentences.partition_point(|s| s.end() <= at);
    found
        .sentences
        .get(i)
        .filter(|s| s.start <= at)
        .map(span_of)
}

/// Fills a person's email from an address or a template.
fn give_email(person: &mut Person, address: &EmailAddress) {
    if person.email.is_some() {
        return;
    }
    person.email = match address {
        EmailAddress::Plain(a) => Some(a.clone()),
        EmailAddress::Template(t) => Some(resolve(t, &person.name)),
    };
}

/// A template resolved for a name `Given [Given…] Family`, with the first
/// given name (the one addresses are built from).
fn resolve(t: &EmailTemplate, name: &str) -> String {
    let mut words = name.split(' ');
    let given = words.next().unwrap_or("");
    let family = name.rsplit(' ').next().unwrap_or("");
    t.resolve(given, family)
}

/// Inputs found over the whole text.
pub(crate) struct Contacts<'t> {
    pub(crate) people: Vec<PersonMatch<'t>>,
    pub(crate) roles: Vec<RoleMatch<'t>>,
    pub(crate) phones: Vec<PhoneMatch<'t>>,
    pub(crate) emails: Vec<EmailMatch<'t>>,
}

/// The people of one text.
pub(crate) fn people(
    source: &str,
    layout: &Layout<'_>,
    found: &Found<'_>,
    registry: &Registry,
    c: &Contacts<'_>,
) -> Vec<Person> {
    let mut people = People::default();
    for m in c.people.iter().filter(|m| m.basic_form) {
        people.mention(m);
    }
    for r in &c.roles {
        if !r.person.basic_form {
            continue;
        }
        let i = people.mention(&r.person);
        if let Some(body) = body_of_role(
            source,
            r,
            found,
            registry,
            sentence_at(found, r.role_span.start),
        ) {
            people.add_role(i, r.role, &body);
        }
    }
    members(layout, registry, &mut people, &c.roles);
    contact_details(layout, &mut people, c);
    people.list
}

/// Member lists: every person on a `Jäsenet:` line is a member (a deputy
/// under `Varajäsenet:`) of the page's body, unless the line gives them
/// another role (`Virtanen Liisa, pj`); a name in brackets after a member is
/// their personal deputy (`Lindström Camilla, Porvoo (Nyholm Peter)`,
/// `(varajäsen Tero Laukkanen)`).
fn members(layout: &Layout<'_>, registry: &Registry, people: &mut People, roles: &[RoleMatch<'_>]) {
    let Some(body) = registry.main() else {
        return;
    };
    for section in &layout.sections {
        let role = match section.kind {
            SectionKind::Members => RoleKind::Member,
            SectionKind::Deputies => RoleKind::DeputyMember,
            _ => continue,
        };
        for item in &section.items {
            let Some(line) = parse_name_line(item.text) else {
                continue;
            };
            let line_span = Span::new(item.start, item.start + item.text.len());
            let stated = roles.iter().any(|r| {
                line_span.start <= r.role_span.start
                    && r.role_span.end <= line_span.end
                    && key(&given_first(&r.person.name)) == key(&line.name)
            });
            let written = item.text.get(line.span.range()).unwrap_or(item.text);
            let i = people.named(&line.name, written, line.span.shifted(item.start));
            if !stated {
                people.add_role(i, role, body);
            }
            if let Some((open, inner)) = bracketed(item.text) {
                let inner_text = inner
                    .trim_start_matches("varajäsen")
                    .trim_start_matches(is_space);
                let skip = inner.len() - inner_text.len();
                if let Some(deputy) = parse_name_line(inner_text) {
                    let at = item.start + open + skip;
                    let written = inner_text.get(deputy.span.range()).unwrap_or(inner_text);
                    let d = people.named(&deputy.name, written, deputy.span.shifted(at));
                    people.add_role(d, RoleKind::DeputyMember, body);
                }
            }
        }
    }
}

/// The text inside the first pair of brackets, with the offset where it starts.
fn bracketed(text: &str) -> Option<(usize, &str)> {
    let open = text.find('(')? + 1;
    let close = open + text.get(open..)?.find(')')?;
    Some((open, text.get(open..close)?))
}

/// Phones and emails go to the person named before them on the same line,
/// or in a contact block, to the person the block last named; a template on
/// a line of its own applies to everyone in its block without an address.
fn contact_details(layout: &Layout<'_>, people: &mut People, c: &Contacts<'_>) {
    let blocks: Vec<Span> = layout
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Contacts)
        .filter_map(|s| {
            let first = s.items.first()?;
            let last = s.items.last()?;
            Some(Span::new(first.start, last.start + last.text.len()))
        })
        .collect();
    let line_of = |at: usize| {
        let i = layout.lines.partition_point(|l| l.end() < at);
        layout.lines.get(i).map(|l| Span::new(l.start, l.end()))
    };
    // The person mention nearest before `at`, on the same line or (inside a
    // contact block) anywhere earlier in the block.
    let owner = |at: usize| -> Option<String> {
        let line = line_of(at)?;
        let block = blocks.iter().find(|b| b.start <= at && at <= b.end);
        let scope = block.map_or(line, |b| Span::new(b.start.min(line.start), line.end));
        let range = inside(&c.people, Span::new(scope.start, at), |p| p.span);
        c.people[range]
            .iter()
            .rev()
            .find(|p| p.basic_form)
            .map(|p| p.name.clone())
    };
    for phone in &c.phones {
        if let Some(name) = owner(phone.span.start)
            && let Some(i) = people.index(&name)
            && people.list[i].phone.is_none()
        {
            people.list[i].phone = Some(phone.e164.clone());
        }
    }
    for email in &c.emails {
        match owner(email.span.start) {
            Some(name) => {
                if let Some(i) = people.index(&name) {
                    give_email(&mut people.list[i], &email.address);
                }
            }
            None => continue,
        }
    }
    // Templates standing alone (`sähköpostit muotoa etunimi.sukunimi@…`)
    // serve everyone in their block.
    for email in &c.emails {
        let EmailAddress::Template(_) = &email.address else {
            continue;
        };
        let Some(block) = blocks
            .iter()
            .find(|b| b.start <= email.span.start && email.span.start <= b.end)
        else {
            continue;
        };
        let line = line_of(email.span.start).unwrap_or(email.span);
        let alone = inside(&c.people, line, |p| p.span).is_empty();
        if !alone {
            continue;
        }
        for p in &c.people[inside(&c.people, *block, |p| p.span)] {
            if let Some(i) = people.index(&given_first(&p.name)) {
                give_email(&mut people.list[i], &email.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{given_first, given_first_by_words};
    use proptest::prelude::*;

    /// Words of names: given names and family names in both cases, words
    /// that are both (`Salo`, `Tervo`), empty words (two spaces) and
    /// non-ASCII letters.
    fn name_word() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Hanna",
            "Eerola",
            "Mehdi",
            "Karjalainen",
            "Anne",
            "Tervo",
            "Salo",
            "Riikka",
            "Bertta",
            "Niemi",
            "Väinö",
            "Öhman",
            "Åsa",
            "hanna",
            "HANNA",
            "Aada",
            "Maija",
            "Liisa",
            "",
            "-",
            "Anna-Liisa",
            "Von",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        /// [`given_first`] turns a name as the list of its words did.
        #[test]
        fn given_first_agrees_with_the_list_of_words(
            words in prop::collection::vec(name_word(), 0..5),
        ) {
            let name = words.join(" ");
            prop_assert_eq!(given_first(&name), given_first_by_words(&name), "{:?}", name);
        }
    }

    #[test]
    fn a_family_name_first_turns_last() {
        assert_eq!(given_first("Eerola Hanna"), "Hanna Eerola");
        assert_eq!(given_first("Hanna Eerola"), "Hanna Eerola");
        assert_eq!(given_first("Eerola"), "Eerola");
    }
}
