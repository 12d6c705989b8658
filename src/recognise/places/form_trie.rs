//! A byte trie over the gazetteer's forms: the longest form at a position.
//!
//! The gazetteer asks only for the longest form that starts at a word start
//! (an anchored leftmost-longest search). An Aho-Corasick automaton answers
//! that too, but building it (a trie plus failure links, then a copy into a
//! contiguous layout) took about 18 M instructions for the ~3 300 forms, more
//! than all the searches of 200 documents; this trie is built in one pass
//! over the forms and is walked byte by byte from the start, with no search
//! set-up per call.

/// The "no node" index: the root is never a child, so index 0 is free.
const NONE: u32 = 0;

/// A node of the trie while forms are added: its children are linked as
/// siblings, so that a child is added without moving any other node.
#[derive(Debug, Clone, Copy, Default)]
struct Linked {
    /// The last byte of the path to this node.
    byte: u8,
    /// Index of the form ending here, plus one; 0 when no form ends here.
    form: u32,
    /// The most recently added child, or [`NONE`].
    first_child: u32,
    /// The next child of the same parent, or [`NONE`].
    next_sibling: u32,
}

/// The trie while forms are added; [`FormTrie::new`] lays it out anew.
#[derive(Debug)]
struct Builder {
    /// Every node; node 0 is a placeholder root.
    nodes: Vec<Linked>,
    /// The node of each first byte, or [`NONE`].
    roots: Box<[u32; 256]>,
}

impl Builder {
    /// The linked trie of `forms`, each known by its position in the
    /// iteration: an empty form is left out (no caller has one: it would
    /// match anywhere); of two equal forms the first keeps its index. The
    /// forms are read twice: first for their bytes, each of which adds at
    /// most one node, so that the nodes are made room for once.
    fn of<'f, I>(forms: I) -> Self
    where
        I: IntoIterator<Item = &'f str>,
        I::IntoIter: Clone,
    {
        let forms = forms.into_iter();
        let mut nodes = Vec::with_capacity(1 + forms.clone().map(str::len).sum::<usize>());
        nodes.push(Linked::default());
        let mut builder = Self {
            nodes,
            roots: Box::new([NONE; 256]),
        };
        for (index, form) in forms.enumerate() {
            builder.insert(form.as_bytes(), index);
        }
        builder
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
        self.nodes.push(Linked {
            byte: b,
            ..Linked::default()
        });
        *slot = at;
        Some(at)
    }

    /// The child of node `parent` reached by byte `b`, added when missing
    /// (in front of its siblings).
    fn child_or_new(&mut self, parent: u32, b: u8) -> Option<u32> {
        let first_child = self.nodes.get(parent as usize)?.first_child;
        if let Some(at) = self.children(first_child).find(|&(_, byte)| byte == b) {
            return Some(at.0);
        }
        let at = u32::try_from(self.nodes.len()).ok()?;
        self.nodes.push(Linked {
            byte: b,
            next_sibling: first_child,
            ..Linked::default()
        });
        self.nodes.get_mut(parent as usize)?.first_child = at;
        Some(at)
    }

    /// The siblings from `first` on: each one's index and byte.
    fn children(&self, first: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let mut at = first;
        std::iter::from_fn(move || {
            let node = self.nodes.get(at as usize).filter(|_| at != NONE)?;
            let found = (at, node.byte);
            at = node.next_sibling;
            Some(found)
        })
    }

    /// The longest form that `bytes` starts with, walked through the
    /// sibling links from the first byte's node: the walk before
    /// [`FormTrie`]'s layout, the oracle of its tests.
    #[cfg(test)]
    fn longest_prefix(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        walk_from_root(
            &self.roots,
            bytes,
            |at| self.nodes.get(at as usize).copied(),
            |node| node.form,
            |node, b| {
                let (at, _) = self
                    .children(node.first_child)
                    .find(|&(_, byte)| byte == b)?;
                self.nodes.get(at as usize).copied()
            },
        )
    }
}

/// The longest form that `bytes` starts with, walked byte by byte from
/// the node of its first byte in `roots`: `node` reads a node by index,
/// `form` its form (index plus one, 0 for none), `step` the child of a
/// node by a byte. The test oracles' one walk over both layouts.
#[cfg(test)]
fn walk_from_root<N: Copy>(
    roots: &[u32; 256],
    bytes: &[u8],
    node: impl Fn(u32) -> Option<N>,
    form: impl Fn(N) -> u32,
    step: impl Fn(N, u8) -> Option<N>,
) -> Option<(usize, usize)> {
    let (&first, rest) = bytes.split_first()?;
    let root = *roots.get(usize::from(first))?;
    if root == NONE {
        return None;
    }
    let mut at = node(root)?;
    let mut best = found(form(at), 1);
    for (len, &b) in (2..).zip(rest) {
        let Some(child) = step(at, b) else {
            break;
        };
        at = child;
        if let Some(hit) = found(form(at), len) {
            best = Some(hit);
        }
    }
    best
}

/// The match when a path of `len` bytes ends at a node of form `form`
/// (index plus one, 0 for none): `(len, form index)`.
fn found(form: u32, len: usize) -> Option<(usize, usize)> {
    let form = usize::try_from(form).ok()?;
    form.checked_sub(1).map(|index| (len, index))
}

/// One node of the laid-out trie: its children are the nodes
/// `first..first + count`, and their bytes `labels[first..first + count]`.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// The index of the first child (meaningless when `count` is 0).
    first: u32,
    /// Index of the form ending here, plus one; 0 when no form ends here.
    form: u32,
    /// The number of children.
    count: u16,
}

/// The forms as a trie; node 0 is a placeholder root, its children are
/// reached through a table of first bytes (a form's first byte is looked up
/// once, not searched among some thirty capitals).
///
/// Each node's children sit side by side, their bytes in a list of their
/// own ([`FormTrie::labels`], a byte a node: some 30 KB for the
/// gazetteer): a step of the walk reads one node and a few bytes next to
/// each other. Children linked as siblings, each a node somewhere else in
/// some 500 KB of nodes, cost a read from the cache's slower levels per
/// sibling passed: the walk then spent most of its time waiting.
#[derive(Debug)]
pub(super) struct FormTrie {
    /// Every node, in the order of [`FormTrie::laid_out_from`].
    nodes: Vec<Node>,
    /// The last byte of the path to each node.
    labels: Vec<u8>,
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
    /// of two equal forms the first keeps its index.
    pub(super) fn new<'f, I>(forms: I) -> Self
    where
        I: IntoIterator<Item = &'f str>,
        I::IntoIter: Clone,
    {
        Self::laid_out_from(&Builder::of(forms))
    }

    /// The trie of `builder`'s nodes, laid out anew: the placeholder, the
    /// first bytes' nodes, then, depth first, each node's children
    /// together (in order of their bytes) before any of their own
    /// children. A node with one child is then followed at once by it, as
    /// the nodes of a form's last letters are in the order they are read.
    fn laid_out_from(builder: &Builder) -> Self {
        let mut trie = Self {
            nodes: Vec::with_capacity(builder.nodes.len()),
            labels: Vec::with_capacity(builder.nodes.len()),
            roots: Box::new([NONE; 256]),
            pairs: Box::default(),
            pair_rows: Box::new([0; 256]),
            pair_columns: Box::new([0; 256]),
            columns: 1,
        };
        trie.nodes.push(Node::default());
        trie.labels.push(0);
        // Nodes laid out whose children are not yet: (old index, new index).
        let mut pending: Vec<(u32, u32)> = Vec::new();
        for (slot, &old) in trie.roots.iter_mut().zip(builder.roots.iter()) {
            if old != NONE
                && let Some(new) = Self::push_node(&mut trie.nodes, &mut trie.labels, builder, old)
            {
                *slot = new;
                pending.push((old, new));
            }
        }
        pending.reverse();
        let mut kids: Vec<(u8, u32)> = Vec::new();
        while let Some((old, new)) = pending.pop() {
            let first_child = builder
                .nodes
                .get(old as usize)
                .map_or(NONE, |n| n.first_child);
            kids.clear();
            kids.extend(builder.children(first_child).map(|(id, byte)| (byte, id)));
            kids.sort_unstable();
            let Ok(first) = u32::try_from(trie.nodes.len()) else {
                break;
            };
            if let Some(node) = trie.nodes.get_mut(new as usize) {
                node.first = first;
                node.count = u16::try_from(kids.len()).unwrap_or(u16::MAX);
            }
            let at = pending.len();
            for &(_, id) in &kids {
                if let Some(child) = Self::push_node(&mut trie.nodes, &mut trie.labels, builder, id)
                {
                    pending.push((id, child));
                }
            }
            // The first child is laid out first: taken from the end.
            pending.get_mut(at..).unwrap_or_default().reverse();
        }
        trie.fill_pairs();
        trie
    }

    /// Appends a copy of `builder`'s node `old` (its form and byte; its
    /// children come later) and returns its new index.
    fn push_node(
        nodes: &mut Vec<Node>,
        labels: &mut Vec<u8>,
        builder: &Builder,
        old: u32,
    ) -> Option<u32> {
        let linked = builder.nodes.get(old as usize)?;
        let new = u32::try_from(nodes.len()).ok()?;
        nodes.push(Node {
            form: linked.form,
            ..Node::default()
        });
        labels.push(linked.byte);
        Some(new)
    }

    /// The children of node `node`: each one's index and byte.
    fn children_of(&self, node: Node) -> impl Iterator<Item = (u32, u8)> + '_ {
        let first = node.first as usize;
        let labels = self
            .labels
            .get(first..first + usize::from(node.count))
            .unwrap_or_default();
        (node.first..).zip(labels.iter().copied())
    }

    /// The children of the node of first byte `first`: each one's index
    /// and byte.
    fn second_nodes(&self, first: u8) -> impl Iterator<Item = (u32, u8)> + '_ {
        let root = self.roots.get(usize::from(first)).copied().unwrap_or(NONE);
        let node = match root {
            NONE => Node::default(),
            _ => self.nodes.get(root as usize).copied().unwrap_or_default(),
        };
        self.children_of(node)
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

    /// The child of `node` reached by byte `b`: its index and a copy of it.
    /// Most nodes past the second byte have one child, asked first.
    #[inline]
    fn child(&self, node: Node, b: u8) -> Option<Node> {
        let first = node.first as usize;
        let labels = self.labels.get(first..first + usize::from(node.count))?;
        let at = match labels {
            [only] if *only == b => first,
            [_] | [] => return None,
            _ => first + labels.iter().position(|&l| l == b)?,
        };
        self.nodes.get(at).copied()
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
        let mut best = found(self.nodes.get(root as usize)?.form, 1);
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
        if let Some(hit) = found(node.form, 2) {
            best = Some(hit);
        }
        for (len, &b) in (3..).zip(rest) {
            let Some(child) = self.child(node, b) else {
                break;
            };
            node = child;
            if let Some(hit) = found(node.form, len) {
                best = Some(hit);
            }
        }
        best
    }

    /// [`FormTrie::longest_prefix`] walking from the first byte's node, its
    /// second byte searched among that node's children: the walk before
    /// [`FormTrie::pairs`], the oracle of its test.
    #[cfg(test)]
    fn longest_prefix_from_the_root(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        walk_from_root(
            &self.roots,
            bytes,
            |at| self.nodes.get(at as usize).copied(),
            |node| node.form,
            |node, b| self.child(node, b),
        )
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

        /// The laid-out trie finds at every start of every text the form
        /// that the walk through the linked trie it was laid out from finds.
        #[test]
        fn laid_out_trie_finds_what_the_linked_trie_finds(
            forms in proptest::collection::vec(piece(), 0..80),
            texts in proptest::collection::vec(piece(), 1..8),
        ) {
            let trie = FormTrie::new(forms.iter().map(String::as_str));
            let linked = Builder::of(forms.iter().map(String::as_str));
            let text = texts.concat() + &forms.concat();
            for at in 0..=text.len() {
                let rest = text.as_bytes().get(at..).unwrap_or_default();
                proptest::prop_assert_eq!(
                    trie.longest_prefix(rest),
                    linked.longest_prefix(rest),
                    "{:?} at {}", text, at
                );
            }
        }
    }

    /// Every form of the gazetteer's table, whole, cut and lengthened, is
    /// found as the walk from the root and the walk through the linked
    /// trie find it.
    #[test]
    fn pair_start_finds_the_table_forms_as_the_walk_from_the_root() {
        let forms: Vec<&str> = include_str!("../../lexicon/places.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .collect();
        let trie = FormTrie::new(forms.iter().copied());
        let linked = Builder::of(forms.iter().copied());
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
                    assert_eq!(
                        trie.longest_prefix(cut),
                        linked.longest_prefix(cut),
                        "{probe:?} {end}"
                    );
                }
            }
        }
    }
}
