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
/// node by a byte. The walk of the test oracle,
/// [`Builder::longest_prefix`].
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

/// One node of the laid-out trie, a run of bytes that no form ends inside
/// and no path branches from: the path to it ends in the byte it is
/// reached by (its parent's label for it) and then its tail,
/// `bytes[at..at + tail]`; its children are the nodes `first..first +
/// count`, and the bytes that reach them `bytes[at + tail..][..count]`.
/// Sixteen bytes, so that a node never spans two cache lines.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// The index of the first child (meaningless when `count` is 0).
    first: u32,
    /// Where the tail, then the children's bytes, start in
    /// [`FormTrie::bytes`].
    at: u32,
    /// Index of the form ending at the end of the tail, plus one; 0 when
    /// no form ends there.
    form: u32,
    /// The length of the tail.
    tail: u16,
    /// The number of children.
    count: u16,
}

/// The forms as a path-compressed (radix) trie: a chain of nodes that
/// each have one child and end no form is one node, whose bytes the walk
/// compares with the text in one go. Node 0 is a placeholder root; the
/// node of a form's first byte is looked up in a table of first bytes.
///
/// A node's tail and its children's bytes sit side by side in
/// [`FormTrie::bytes`] (about 10 KB for the gazetteer, a byte for every
/// node of the trie unrolled) and each node's children side by side in
/// [`FormTrie::nodes`]: a step of the walk reads one node and a few bytes
/// next to each other. The trie unrolled, a node a byte, held some 9 500
/// nodes that a walk read one per byte of a form; compressed it holds
/// fewer than half as many, read once per branch.
#[derive(Debug)]
pub(super) struct FormTrie {
    /// Every node, in the order of [`FormTrie::laid_out_from`].
    nodes: Vec<Node>,
    /// Each node's tail followed by its children's first bytes.
    bytes: Vec<u8>,
    /// The node of each first byte, or [`NONE`] when no form starts with it.
    roots: Box<[u32; 256]>,
    /// The node of each first two bytes, or [`NONE`], where the first
    /// byte's node has no tail: a walk starts at its third byte, where the
    /// second was searched among the first byte's children (up to a dozen
    /// letters follow a capital). One row per first byte that starts a
    /// form, one column per byte that comes second in one
    /// ([`FormTrie::pair_slot`]): for the gazetteer's forms some 2 KB
    /// that stay in the cache, where a row for each of the 256 first bytes
    /// took 256 KB read at random.
    pairs: Box<[u32]>,
    /// The row of each first byte in `pairs` (meaningful where `roots` has
    /// a node without a tail).
    pair_rows: Box<[u16; 256]>,
    /// The column of each second byte in `pairs`, or 0 when no form has
    /// it second after a first byte's node without a tail.
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

    /// The trie of `builder`'s nodes, compressed and laid out anew: the
    /// placeholder, the first bytes' nodes, then, depth first, each node's
    /// children together before any of their own children.
    fn laid_out_from(builder: &Builder) -> Self {
        let mut trie = Self {
            nodes: Vec::with_capacity(builder.nodes.len()),
            bytes: Vec::with_capacity(builder.nodes.len()),
            roots: Box::new([NONE; 256]),
            pairs: Box::default(),
            pair_rows: Box::new([0; 256]),
            pair_columns: Box::new([0; 256]),
            columns: 1,
        };
        trie.nodes.push(Node::default());
        // Nodes laid out whose runs and children are not yet: (the linked
        // node that starts the run, new index).
        let mut pending: Vec<(u32, u32)> = Vec::new();
        for (slot, &old) in trie.roots.iter_mut().zip(builder.roots.iter()) {
            if old != NONE
                && let Some(new) = Self::push_placeholder(&mut trie.nodes)
            {
                *slot = new;
                pending.push((old, new));
            }
        }
        pending.reverse();
        let mut kids: Vec<(u32, u8)> = Vec::new();
        while let Some((old, new)) = pending.pop() {
            let Some(node) = trie.fill(builder, old, &mut kids) else {
                break;
            };
            let at = pending.len();
            for &(id, _) in &kids {
                if let Some(child) = Self::push_placeholder(&mut trie.nodes) {
                    pending.push((id, child));
                }
            }
            // The first child is laid out first: taken from the end.
            pending.get_mut(at..).unwrap_or_default().reverse();
            if let Some(slot) = trie.nodes.get_mut(new as usize) {
                *slot = node;
            }
        }
        trie.fill_pairs();
        trie
    }

    /// The children of the node of first byte `first` when that node has
    /// no tail (none otherwise): each one's index and byte.
    fn second_nodes(&self, first: u8) -> impl Iterator<Item = (u32, u8)> + '_ {
        let root = self.roots.get(usize::from(first)).copied().unwrap_or(NONE);
        let node = self
            .nodes
            .get(root as usize)
            .filter(|node| root != NONE && node.tail == 0)
            .copied()
            .unwrap_or_default();
        let at = node.at as usize;
        let labels = self
            .bytes
            .get(at..at + usize::from(node.count))
            .unwrap_or_default();
        (node.first..).zip(labels.iter().copied())
    }

    /// Numbers the rows and columns of [`FormTrie::pairs`] and fills it
    /// with the node of every first two bytes of a form whose first byte's
    /// node has no tail.
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

    /// Appends an empty node, filled in when its turn comes, and returns
    /// its index.
    fn push_placeholder(nodes: &mut Vec<Node>) -> Option<u32> {
        let new = u32::try_from(nodes.len()).ok()?;
        nodes.push(Node::default());
        Some(new)
    }

    /// The node whose run starts at `builder`'s node `old`, with its tail
    /// (the bytes of the chain below `old` that ends no form and branches
    /// nowhere) and its children's bytes appended to [`FormTrie::bytes`];
    /// `kids` is filled with the children of the chain's last node (index
    /// and byte, in the order they were added), which are to be laid out
    /// next, from the node's `first` on.
    fn fill(&mut self, builder: &Builder, old: u32, kids: &mut Vec<(u32, u8)>) -> Option<Node> {
        let at = u32::try_from(self.bytes.len()).ok()?;
        let mut end = builder.nodes.get(old as usize)?;
        let mut tail: u16 = 0;
        while let Some(only) = Self::only_child(builder, end)
            && tail < u16::MAX
        {
            self.bytes.push(only.byte);
            tail += 1;
            end = only;
        }
        kids.clear();
        kids.extend(builder.children(end.first_child));
        kids.reverse();
        self.bytes.extend(kids.iter().map(|&(_, byte)| byte));
        let count = u16::try_from(kids.len()).unwrap_or(u16::MAX);
        let node = Node {
            first: u32::try_from(self.nodes.len()).ok()?,
            at,
            form: end.form,
            tail,
            count,
        };
        Some(node)
    }

    /// The one child of `node` when it ends no form and has no other: the
    /// next node of a run.
    fn only_child<'b>(builder: &'b Builder, node: &Linked) -> Option<&'b Linked> {
        if node.form != 0 || node.first_child == NONE {
            return None;
        }
        builder
            .nodes
            .get(node.first_child as usize)
            .filter(|only| only.next_sibling == NONE)
    }

    /// The longest form that `bytes` starts with, as `(length in bytes, form
    /// index)`; `None` when no form is a prefix of `bytes`. This is what an
    /// anchored leftmost-longest Aho-Corasick search of the forms reports.
    ///
    /// A form ends only at the end of a node's tail, so a tail that the
    /// text does not go on with ends the walk.
    pub(super) fn longest_prefix(&self, bytes: &[u8]) -> Option<(usize, usize)> {
        let (&first, rest) = bytes.split_first()?;
        let (mut at, mut len, mut best) = self.start(first, rest.first().copied());
        // The length of the form found last, `best` (index plus one, 0 for
        // none).
        let mut best_len = usize::from(best != 0);
        while let Some(node) = self.nodes.get(at) {
            let start = node.at as usize;
            let tail = usize::from(node.tail);
            let Some(run) = self
                .bytes
                .get(start..start + tail + usize::from(node.count))
            else {
                break;
            };
            let (tail, labels) = run.split_at(tail.min(run.len()));
            // Most nodes, past the stem of a name, have no tail.
            if !tail.is_empty() {
                if !super::starts_with_short(bytes.get(len..).unwrap_or_default(), tail) {
                    break;
                }
                len += tail.len();
            }
            if node.form != 0 {
                (best, best_len) = (node.form, len);
            }
            let Some(i) = bytes
                .get(len)
                .and_then(|&b| labels.iter().position(|&l| l == b))
            else {
                break;
            };
            at = node.first as usize + i;
            len += 1;
        }
        found(best, best_len)
    }

    /// Where the walk of a text starting with bytes `first`, `second`
    /// starts: the node, the number of bytes read to reach it, and the
    /// form (index plus one, 0 for none) of the first byte's node. That is
    /// the node of `first` when it has a tail; otherwise the node of the
    /// first two bytes, taken from [`FormTrie::pairs`]. A text that no
    /// form starts goes to the placeholder, which has no tail, no form
    /// and no children: the walk ends there.
    #[inline]
    fn start(&self, first: u8, second: Option<u8>) -> (usize, usize, u32) {
        let root = self
            .roots
            .get(usize::from(first))
            .map_or(0, |&r| r as usize);
        match self.nodes.get(root) {
            Some(node) if node.tail == 0 && root != 0 => {
                let at = second
                    .and_then(|second| self.pair_slot(first, second))
                    .and_then(|slot| self.pairs.get(slot))
                    .map_or(0, |&at| at as usize);
                (at, 2, node.form)
            }
            _ => (root, 1, 0),
        }
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
    /// share a lead byte, a zero byte and forms of one byte, and runs of
    /// letters (so that one form's tail runs on for several bytes and
    /// another one's breaks off inside it).
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "ä", "ö", "Ä", "-",
                " ", "\0", "maa", "maalla", "lahti", "ssa",
            ]),
            0..6,
        )
        .prop_map(|p| p.concat())
    }

    proptest::proptest! {
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
    /// found as the walk through the linked trie finds it.
    #[test]
    fn the_table_forms_are_found_as_the_linked_trie_finds_them() {
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
                        linked.longest_prefix(cut),
                        "{probe:?} {end}"
                    );
                }
            }
        }
    }

    /// A run longer than a node's tail can hold is split over nodes, and
    /// the forms inside and at the end of it are still found.
    #[test]
    fn a_run_longer_than_a_tail_holds() {
        let long = "a".repeat(usize::from(u16::MAX) + 10);
        let trie = FormTrie::new([long.as_str(), "b"]);
        assert_eq!(trie.longest_prefix(long.as_bytes()), Some((long.len(), 0)));
        let cut = long.get(..long.len() - 1).unwrap_or_default();
        assert_eq!(trie.longest_prefix(cut.as_bytes()), None);
        assert_eq!(trie.longest_prefix(b"bb"), Some((1, 1)));
    }
}
