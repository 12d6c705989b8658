//! A byte trie over the gazetteer's forms: the longest form at a position.
//!
//! The gazetteer asks only for the longest form that starts at a word start
//! (an anchored leftmost-longest search). An Aho-Corasick automaton answers
//! that too, but building it (a trie plus failure links, then a copy into a
//! contiguous layout) took about 18 M instructions for the ~3 300 forms, more
//! than all the searches of 200 documents; this trie is built in one pass
//! over the forms and is walked byte by byte from the start, with no search
//! set-up per call.

/// The "no node" link: the root is never a child, so index 0 is free.
const NONE: u32 = 0;

/// One trie node: the byte leading to it, the form ending at it and its links.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// The last byte of the path to this node.
    byte: u8,
    /// Index of the form ending here, plus one; 0 when no form ends here.
    form: u32,
    /// The most recently added child, or [`NONE`].
    first_child: u32,
    /// The next child of the same parent, or [`NONE`].
    next_sibling: u32,
}

impl Node {
    /// The match when the path to this node, `len` bytes, is a form:
    /// `(len, form index)`.
    fn found(self, len: usize) -> Option<(usize, usize)> {
        let form = usize::try_from(self.form).ok()?;
        form.checked_sub(1).map(|index| (len, index))
    }
}

/// The forms as a trie; node 0 is a placeholder root, its children are
/// reached through a table of first bytes (a form's first byte is looked up
/// once, not searched among some thirty capitals).
#[derive(Debug)]
pub(super) struct FormTrie {
    /// Every node; children link to each other by index.
    nodes: Vec<Node>,
    /// The node of each first byte, or [`NONE`] when no form starts with it.
    roots: Box<[u32; 256]>,
    /// The node of each first two bytes, or [`NONE`]: a walk starts at its
    /// third byte, where the second was searched among the first byte's
    /// children, the longest sibling lists of the trie (some twenty letters
    /// follow a capital). One row per first byte that starts a form, one
    /// column per byte that comes second in one ([`FormTrie::pair_slot`]):
    /// for the gazetteer's forms 22 rows of 26 columns, about 2 KB that
    /// stay in the cache, where a row for each of the 256 first bytes took
    /// 256 KB read at random.
    pairs: Box<[u32]>,
    /// The row of each first byte in `pairs` (meaningful where `roots` has
    /// a node).
    pair_rows: Box<[u16; 256]>,
    /// The column of each second byte in `pairs`, or 0 when no form has
    /// it second.
    pair_columns: Box<[u16; 256]>,
    /// The number of columns of `pairs`, column 0 (no form) included.
    columns: usize,
}

impl FormTrie {
    /// The trie of `forms`, each known by its position in the iteration. An
    /// empty form is left out (no caller has one: it would match anywhere);
    /// of two equal forms the first keeps its index. The forms are read
    /// twice: first for their bytes, each of which adds at most one node,
    /// so that the nodes are made room for once.
    pub(super) fn new<'f, I>(forms: I) -> Self
    where
        I: IntoIterator<Item = &'f str>,
        I::IntoIter: Clone,
    {
        let forms = forms.into_iter();
        let mut nodes = Vec::with_capacity(1 + forms.clone().map(str::len).sum::<usize>());
        nodes.push(Node::default());
        let mut trie = Self {
            nodes,
            roots: Box::new([NONE; 256]),
            pairs: Box::default(),
            pair_rows: Box::new([0; 256]),
            pair_columns: Box::new([0; 256]),
            columns: 1,
        };
        for (index, form) in forms.enumerate() {
            trie.insert(form.as_bytes(), index);
        }
        trie.fill_pairs();
        trie
    }

    /// The children of the node of first byte `first`: each one's index
    /// and byte.
    fn second_nodes(&self, first: u8) -> impl Iterator<Item = (u32, u8)> + '_ {
        let root = self.roots.get(usize::from(first)).copied().unwrap_or(NONE);
        let mut at = match root {
            NONE => NONE,
            _ => self
                .nodes
                .get(root as usize)
                .map_or(NONE, |n| n.first_child),
        };
        std::iter::from_fn(move || {
            let node = self.nodes.get(at as usize).filter(|_| at != NONE)?;
            let found = (at, node.byte);
            at = node.next_sibling;
            Some(found)
        })
    }

    /// Numbers the rows and columns of [`FormTrie::pairs`] and fills it
    /// with the node of every first two bytes of a form.
    fn fill_pairs(&mut self) {
        let seconds: Vec<(u8, u32, u8)> = (0..=u8::MAX)
            .flat_map(|first| {
                self.second_nodes(first)
                    .map(move |(at, second)| (first, at, second))
            })
            .collect();
        let mut rows = 0;
        for (first, &root) in (0..=u8::MAX).zip(self.roots.iter()) {
            if root != NONE {
                self.pair_rows[usize::from(first)] = rows;
                rows += 1;
            }
        }
        for &(_, _, second) in &seconds {
            let column = &mut self.pair_columns[usize::from(second)];
            if *column == 0 {
                *column = self.columns as u16;
                self.columns += 1;
            }
        }
        let mut pairs = vec![NONE; usize::from(rows) * self.columns];
        for &(first, at, second) in &seconds {
            if let Some(slot) = self
                .pair_slot(first, second)
                .and_then(|slot| pairs.get_mut(slot))
            {
                *slot = at;
            }
        }
        self.pairs = pairs.into_boxed_slice();
    }

    /// The index of the bytes `first`, `second` in [`FormTrie::pairs`], or
    /// `None` when no form has `second` second. `first` must start a form
    /// (its row is otherwise row 0, another byte's).
    fn pair_slot(&self, first: u8, second: u8) -> Option<usize> {
        let column = usize::from(self.pair_columns[usize::from(second)]);
        let row = usize::from(self.pair_rows[usize::from(first)]);
        (column != 0).then_some(row * self.columns + column)
    }

    /// Adds `form` with index `index`.
    fn insert(&mut self, form: &[u8], index: usize) {
        let Some((&first, rest)) = form.split_first() else {
            return;
        };
        let Ok(id) = u32::try_from(index + 1) else {
            return;
        };
        let Some(mut at) = self.root_or_new(first) else {
            return;
        };
        for &b in rest {
            let Some(next) = self.child_or_new(at, b) else {
                return;
            };
            at = next;
        }
        if let Some(node) = self.nodes.get_mut(at as usize)
            && node.form == 0
        {
            node.form = id;
        }
    }

    /// The node of first byte `b`, added when missing.
    fn root_or_new(&mut self, b: u8) -> Option<u32> {
        let slot = self.roots.get_mut(usize::from(b))?;
        if *slot != NONE {
            return Some(*slot);
        }
        let at = u32::try_from(self.nodes.len()).ok()?;
        self.nodes.push(Node {
            byte: b,
            ..Node::default()
        });
        *slot = at;
        Some(at)
    }

    /// The child of node `parent` reached by byte `b`, added when missing
    /// (in front of its siblings).
    fn child_or_new(&mut self, parent: u32, b: u8) -> Option<u32> {
        let first_child = self.nodes.get(parent as usize)?.first_child;
        if let Some((at, _)) = self.find_child(first_child, b) {
            return Some(at);
        }
        let at = u32::try_from(self.nodes.len()).ok()?;
        self.nodes.push(Node {
            byte: b,
            next_sibling: first_child,
            ..Node::default()
        });
        self.nodes.get_mut(parent as usize)?.first_child = at;
        Some(at)
    }

    /// Among the siblings from `first` on, the one of byte `b`: its index
    /// and a copy of it.
    fn find_child(&self, first: u32, b: u8) -> Option<(u32, Node)> {
        let mut at = first;
        while at != NONE {
            let node = *self.nodes.get(at as usize)?;
            if node.byte == b {
                return Some((at, node));
            }
            at = node.next_sibling;
        }
        None
    }

    /// The longest form that `bytes` starts with, as `(length in bytes, form
    /// index)`; `None` when no form is a prefix of `bytes`. This is what an
    /// anchored leftmost-longest Aho-Corasick search of the forms reports.
    pub(super) fn longest_prefix(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        let (&first, rest) = bytes.split_first()?;
        let root = *self.roots.get(usize::from(first))?;
        if root == NONE {
            return None;
        }
        let mut best = self.nodes.get(root as usize)?.found(1);
        let Some((&second, rest)) = rest.split_first() else {
            return best;
        };
        let Some(slot) = self.pair_slot(first, second) else {
            return best;
        };
        let at = *self.pairs.get(slot)?;
        if at == NONE {
            return best;
        }
        let mut node = *self.nodes.get(at as usize)?;
        if let Some(found) = node.found(2) {
            best = Some(found);
        }
        for (len, &b) in (3..).zip(rest) {
            let Some((_, child)) = self.find_child(node.first_child, b) else {
                break;
            };
            node = child;
            if let Some(found) = node.found(len) {
                best = Some(found);
            }
        }
        best
    }

    /// [`FormTrie::longest_prefix`] walking from the first byte's node, its
    /// second byte searched among that node's children: the walk before
    /// [`FormTrie::pairs`], the oracle of its test.
    #[cfg(test)]
    fn longest_prefix_from_the_root(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        let (&first, rest) = bytes.split_first()?;
        let root = *self.roots.get(usize::from(first))?;
        if root == NONE {
            return None;
        }
        let mut node = *self.nodes.get(root as usize)?;
        let mut best = node.found(1);
        for (len, &b) in (2..).zip(rest) {
            let Some((_, child)) = self.find_child(node.first_child, b) else {
                break;
            };
            node = child;
            if let Some(found) = node.found(len) {
                best = Some(found);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    const FORMS: &[&str] = &[
        "Oulu", "Oulun", "Oulussa", "Kemi", "Keminmaa", "Ii", "Ähtäri", "O",
    ];

    #[test]
    fn the_longest_form_at_the_start_wins() {
        let trie = FormTrie::new(FORMS.iter().copied());
        let longest = |s: &str| trie.longest_prefix(s.as_bytes());
        assert_eq!(longest("Oulussa on"), Some((7, 2)));
        assert_eq!(longest("Oulun"), Some((5, 1)));
        assert_eq!(longest("Oulusta"), Some((4, 0)));
        assert_eq!(longest("Ouluntie"), Some((5, 1)));
        assert_eq!(longest("Ou"), Some((1, 7)));
        assert_eq!(longest("Keminmaalla"), Some((8, 4)));
        assert_eq!(longest("Keminmaxx"), Some((4, 3)));
        assert_eq!(longest("Iisalmi"), Some((2, 5)));
        assert_eq!(longest("Ähtärissä"), Some((8, 6)));
        assert_eq!(longest("Äh"), None);
        assert_eq!(longest(" Oulu"), None);
        assert_eq!(longest("oulu"), None);
        assert_eq!(longest(""), None);
    }

    #[test]
    fn empty_and_repeated_forms() {
        let trie = FormTrie::new(["", "Salo", "Salo", "Sa"]);
        assert_eq!(trie.longest_prefix(b"Salossa"), Some((4, 1)));
        assert_eq!(trie.longest_prefix(b"Sa"), Some((2, 3)));
        assert_eq!(trie.longest_prefix(b"x"), None);
        assert_eq!(FormTrie::new([]).longest_prefix(b"Oulu"), None);
    }

    /// Forms and texts of a few letters (so that forms share prefixes and
    /// nodes have one child or many), with Finnish letters whose bytes
    /// share a lead byte, a zero byte and forms of one byte.
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "ä", "ö", "Ä", "-",
                " ", "\0",
            ]),
            0..6,
        )
        .prop_map(|p| p.concat())
    }

    proptest::proptest! {
        /// Starting at the node of the first two bytes gives the longest
        /// form that the walk from the first byte gives, at every start of
        /// every text.
        #[test]
        fn pair_start_finds_what_the_walk_from_the_root_finds(
            forms in proptest::collection::vec(piece(), 0..80),
            texts in proptest::collection::vec(piece(), 1..8),
        ) {
            let trie = FormTrie::new(forms.iter().map(String::as_str));
            let text = texts.concat() + &forms.concat();
            for at in 0..=text.len() {
                let rest = text.as_bytes().get(at..).unwrap_or_default();
                proptest::prop_assert_eq!(
                    trie.longest_prefix(rest),
                    trie.longest_prefix_from_the_root(rest),
                    "{:?} at {}", text, at
                );
            }
        }
    }

    /// Every form of the gazetteer's table, whole, cut and lengthened, is
    /// found as the walk from the root finds it.
    #[test]
    fn pair_start_finds_the_table_forms_as_the_walk_from_the_root() {
        let forms: Vec<&str> = include_str!("../../lexicon/places.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        let trie = FormTrie::new(forms.iter().copied());
        for form in &forms {
            for probe in [form.to_string(), format!("{form}kin"), format!("{form} ")] {
                let bytes = probe.as_bytes();
                for end in 0..=bytes.len() {
                    let cut = bytes.get(..end).unwrap_or_default();
                    assert_eq!(
                        trie.longest_prefix(cut),
                        trie.longest_prefix_from_the_root(cut),
                        "{probe:?} {end}"
                    );
                }
            }
        }
    }
}
