//! Word endings looked up right to left.
//!
//! Finnish inflects and compounds at the end of a word (`sote-`
//! `virkamies` `koordinaatio` `ryhmä` `n`), so the lexicons ask "which
//! known form does this word end in?" for every word of a text. Asking a
//! hash map once per possible ending hashes every tail of every word; a
//! trie of the forms spelled backwards answers in one walk from the last
//! byte, and most words leave it after a byte or two.

/// A set of keys with values, searched by the endings of a word.
///
/// Nodes with many children (near the root, where every word enters) keep
/// a dense row of children by byte class; the rest, most of them with one
/// child, a short list. A node also says whether a key ends there, so a
/// step reads one node.
#[derive(Debug, Clone)]
pub(crate) struct SuffixTrie<V> {
    /// The class of each byte among the bytes of the keys (0: in no key).
    class: Box<[u16; 256]>,
    /// The nodes; the root is node 0.
    nodes: Vec<Node>,
    /// Dense rows of children, `classes` entries each (0: none).
    dense: Vec<u32>,
    /// Listed children: the byte before and the node.
    edges: Vec<(u8, u32)>,
    /// The values of the keys.
    values: Vec<V>,
}

/// One node: where its children are, and the key that ends at it.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// A dense row's start in `dense`, or a list's start in `edges`.
    children: u32,
    /// The length of the list of children; [`DENSE`] for a dense row.
    len: u32,
    /// The index of the value of the key ending here; [`NO_VALUE`] if none.
    value: u32,
}

/// `Node::len` of a node with a dense row.
const DENSE: u32 = u32::MAX;

/// `Node::value` of a node where no key ends.
const NO_VALUE: u32 = u32::MAX;

/// Nodes with at least this many children get a dense row.
const DENSE_FROM: usize = 3;

/// What to keep when a key is added twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// The value added first (`HashMap::entry(..).or_insert`).
    First,
    /// The value added last (`HashMap::insert`).
    Last,
}

/// Builds a [`SuffixTrie`].
///
/// Each node's children are a list threaded through one vector of edges,
/// newest first: a builder allocates nothing per node, where a map per
/// node cost an allocation and a hash per byte of every key.
#[derive(Debug)]
pub(crate) struct SuffixTrieBuilder<V> {
    /// Each node's newest child edge in `edges`; [`NO_EDGE`] if none.
    first: Vec<u32>,
    /// Edges: the byte before, the child node, and the node's next older
    /// child edge ([`NO_EDGE`] after the oldest).
    edges: Vec<(u8, u32, u32)>,
    values: Vec<Option<V>>,
    keep: Keep,
}

/// The end of a node's list of children in a [`SuffixTrieBuilder`].
const NO_EDGE: u32 = u32::MAX;

impl<V> SuffixTrieBuilder<V> {
    /// An empty builder keeping the first or last value of a key.
    pub(crate) fn new(keep: Keep) -> Self {
        Self {
            first: vec![NO_EDGE],
            edges: Vec::new(),
            values: vec![None],
            keep,
        }
    }

    /// An empty builder, as [`SuffixTrieBuilder::new`], with room for keys
    /// of `key_bytes` bytes in all: each byte of a key adds at most one
    /// node and one edge, so inserting them never grows the builder's
    /// vectors (a lexicon's few thousand forms otherwise copied them a
    /// dozen times each on the way up).
    pub(crate) fn with_capacity(keep: Keep, key_bytes: usize) -> Self {
        let mut first = Vec::with_capacity(key_bytes + 1);
        first.push(NO_EDGE);
        let mut values = Vec::with_capacity(key_bytes + 1);
        values.push(None);
        Self {
            first,
            edges: Vec::with_capacity(key_bytes),
            values,
            keep,
        }
    }

    /// The child of `node` by byte `b`, if it has one.
    fn child(&self, node: usize, b: u8) -> Option<u32> {
        let mut e = *self.first.get(node)?;
        while let Some(&(label, child, next)) = self.edges.get(e as usize) {
            if label == b {
                return Some(child);
            }
            e = next;
        }
        None
    }

    /// Adds `key` with `value` (an empty key is ignored).
    pub(crate) fn insert(&mut self, key: &str, value: V) {
        if key.is_empty() {
            return;
        }
        let mut node = 0usize;
        for &b in key.as_bytes().iter().rev() {
            let child = match self.child(node, b) {
                Some(child) => child,
                None => {
                    let child = self.first.len() as u32;
                    self.first.push(NO_EDGE);
                    self.values.push(None);
                    let Some(first) = self.first.get_mut(node) else {
                        return;
                    };
                    self.edges.push((b, child, *first));
                    *first = self.edges.len() as u32 - 1;
                    child
                }
            };
            node = child as usize;
        }
        if let Some(slot) = self.values.get_mut(node)
            && (slot.is_none() || self.keep == Keep::Last)
        {
            *slot = Some(value);
        }
    }

    /// The finished trie.
    pub(crate) fn build(self) -> SuffixTrie<V> {
        let mut class = Box::new([0u16; 256]);
        let mut classes: u16 = 1;
        for &(b, _, _) in &self.edges {
            if class[usize::from(b)] == 0 {
                class[usize::from(b)] = classes;
                classes += 1;
            }
        }
        let classes = usize::from(classes);
        let mut nodes = Vec::with_capacity(self.first.len());
        let mut dense = Vec::new();
        let mut edges = Vec::with_capacity(self.edges.len());
        let mut values = Vec::new();
        let mut sorted = Vec::new();
        for (node, value) in self.values.into_iter().enumerate() {
            let value = match value {
                Some(v) => {
                    values.push(v);
                    values.len() as u32 - 1
                }
                None => NO_VALUE,
            };
            let mut e = self.first.get(node).copied().unwrap_or(NO_EDGE);
            sorted.clear();
            while let Some(&(label, child, next)) = self.edges.get(e as usize) {
                sorted.push((label, child));
                e = next;
            }
            sorted.sort_unstable();
            let node = if sorted.len() >= DENSE_FROM {
                let row = dense.len();
                dense.resize(row + classes, 0);
                for &(b, c) in &sorted {
                    if let Some(slot) = dense.get_mut(row + usize::from(class[usize::from(b)])) {
                        *slot = c;
                    }
                }
                Node {
                    children: row as u32,
                    len: DENSE,
                    value,
                }
            } else {
                let start = edges.len() as u32;
                edges.extend_from_slice(&sorted);
                Node {
                    children: start,
                    len: edges.len() as u32 - start,
                    value,
                }
            };
            nodes.push(node);
        }
        SuffixTrie {
            class,
            nodes,
            dense,
            edges,
            values,
        }
    }
}

impl<V> Default for SuffixTrie<V> {
    /// A trie without keys.
    fn default() -> Self {
        SuffixTrieBuilder::new(Keep::First).build()
    }
}

impl<V> SuffixTrie<V> {
    /// The node reached from `node` by the byte `b` before it.
    #[inline]
    fn step(&self, node: &Node, b: u8) -> Option<&Node> {
        let child = if node.len == DENSE {
            let c = usize::from(self.class[usize::from(b)]);
            if c == 0 {
                return None;
            }
            *self.dense.get(node.children as usize + c)?
        } else {
            let start = node.children as usize;
            let edges = self.edges.get(start..start + node.len as usize)?;
            edges.iter().find(|&&(label, _)| label == b)?.1
        };
        if child == 0 {
            return None;
        }
        self.nodes.get(child as usize)
    }

    /// The value of the key ending at `node`, if one does.
    #[inline]
    fn value(&self, node: &Node) -> Option<&V> {
        if node.value == NO_VALUE {
            None
        } else {
            self.values.get(node.value as usize)
        }
    }

    /// The longest key that `word` ends with: where it starts in `word` and
    /// its value. A key is valid UTF-8, so its start is a char boundary of
    /// a `str` that ends with it.
    #[inline]
    pub(crate) fn longest_suffix(&self, word: &[u8]) -> Option<(usize, &V)> {
        self.longest_suffix_by(word.len(), |i| word[i])
    }

    /// [`SuffixTrie::longest_suffix`] of the `len` bytes given by `byte`
    /// (the bytes of a word seen through a transformation, such as ASCII
    /// lower case).
    #[inline]
    pub(crate) fn longest_suffix_by(
        &self,
        len: usize,
        byte: impl Fn(usize) -> u8,
    ) -> Option<(usize, &V)> {
        let mut node = self.nodes.first()?;
        let mut best = None;
        for i in (0..len).rev() {
            match self.step(node, byte(i)) {
                Some(next) => node = next,
                None => break,
            }
            if let Some(v) = self.value(node) {
                best = Some((i, v));
            }
        }
        best
    }

    /// Every key that `word` ends with, shortest first: where each starts
    /// in `word`, and its value.
    pub(crate) fn suffixes<'w>(&self, word: &'w [u8]) -> Suffixes<'_, 'w, V> {
        Suffixes {
            trie: self,
            word,
            node: self.nodes.first(),
            next: word.len(),
        }
    }

    /// The value of exactly `key`.
    pub(crate) fn get(&self, key: &[u8]) -> Option<&V> {
        if key.is_empty() {
            return None;
        }
        let mut node = self.nodes.first()?;
        for &b in key.iter().rev() {
            node = self.step(node, b)?;
        }
        self.value(node)
    }
}

/// The iterator of [`SuffixTrie::suffixes`]: one step through the trie per
/// byte, from the word's last byte.
pub(crate) struct Suffixes<'t, 'w, V> {
    trie: &'t SuffixTrie<V>,
    word: &'w [u8],
    /// The node reached so far (`None`: the walk has left the trie).
    node: Option<&'t Node>,
    /// How many bytes of the word are not yet read.
    next: usize,
}

impl<'t, V> Iterator for Suffixes<'t, '_, V> {
    type Item = (usize, &'t V);

    fn next(&mut self) -> Option<Self::Item> {
        while self.next > 0 {
            let i = self.next - 1;
            self.next = i;
            let byte = *self.word.get(i)?;
            let node = self.trie.step(self.node?, byte);
            self.node = node;
            if let Some(v) = node.and_then(|n| self.trie.value(n)) {
                return Some((i, v));
            }
        }
        None
    }
}

/// A quick "no" for the many words that end in none of a set of keys:
/// the last bytes of every key, as one bit each in a hashed bit set.
///
/// [`SuffixTrie::longest_suffix`] leaves the trie only where a word's
/// ending stops matching, and Finnish case endings (`-n`, `-ssa`, `-lle`)
/// take most words a few steps in before they fall out. Every key is at
/// least [`EndTails::len`] bytes long, so a word that ends in a key ends
/// in that key's last `len` bytes: one hashed look-up of the word's last
/// `len` bytes turns most words away. A word the set lets through may
/// still end in no key (the bits are hashed); one it turns away ends in
/// none.
#[derive(Debug, Clone)]
pub(crate) struct EndTails {
    /// How many bytes of a word's end are compared: the length of the
    /// shortest key, at most 8 (a `u64`), and at least 1.
    len: usize,
    /// The low `len` bytes of a `u64`: the tail of a word's last 8 bytes.
    mask: u64,
    /// Bit [`EndTails::bit`] of each key's last `len` bytes; all set (as
    /// by default, with `len` 0) lets every word pass. Of a fixed size,
    /// which every bit the hash gives falls within, so a look-up asks no
    /// bounds and no emptiness.
    bits: Box<[u64; TAIL_WORDS]>,
}

/// The bit set of an [`EndTails`] has `1 << TAIL_BITS` bits (4 KiB): few
/// enough keys in it leave most bits clear.
const TAIL_BITS: u32 = 15;

/// The `u64`s of an [`EndTails`] bit set.
const TAIL_WORDS: usize = 1 << TAIL_BITS >> 6;

impl Default for EndTails {
    /// A set that lets every word pass: every bit set, and no word
    /// shorter than its `len`.
    fn default() -> Self {
        EndTails {
            len: 0,
            mask: 0xFF,
            bits: Box::new([u64::MAX; TAIL_WORDS]),
        }
    }
}

impl EndTails {
    /// The tails of `keys` (an empty key, which a [`SuffixTrie`] ignores,
    /// left out). Without keys no word passes.
    pub(crate) fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> EndTails {
        let keys: Vec<&[u8]> = keys
            .into_iter()
            .map(str::as_bytes)
            .filter(|k| !k.is_empty())
            .collect();
        let len = keys.iter().map(|k| k.len()).min().unwrap_or(1).min(8);
        let mut tails = EndTails {
            len,
            mask: u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0xFF),
            bits: Box::new([0; TAIL_WORDS]),
        };
        for key in keys {
            let bit = Self::bit(key.get(key.len().saturating_sub(len)..).unwrap_or_default());
            if let Some(word) = tails.bits.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        tails
    }

    /// The bit of a tail of up to 8 bytes. Bytes from 0x80 on count
    /// without their lowest bit, so `σ` and `ς` (`CF 83`, `CF 82`) are one:
    /// a word lowered as a whole (`str::to_lowercase`, with a final `ς`)
    /// passes wherever its lower case letter by letter would.
    #[inline]
    fn bit(tail: &[u8]) -> usize {
        let mut key = 0u64;
        for &b in tail {
            key = key << 8 | u64::from(b);
        }
        Self::bit_of_key(key)
    }

    /// Whether bit `bit` of the table is set.
    #[inline]
    fn holds_bit(&self, bit: usize) -> bool {
        self.bits
            .get(bit / 64)
            .is_some_and(|word| word >> (bit % 64) & 1 == 1)
    }

    /// [`EndTails::bit`] of the tail read as a big-endian number.
    #[inline]
    fn bit_of_key(key: u64) -> usize {
        Self::bit_of_folded(fold_high_bytes(key))
    }

    /// [`EndTails::bit_of_key`] of a key already folded
    /// ([`fold_high_bytes`]): the hash alone.
    #[inline]
    fn bit_of_folded(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TAIL_BITS)) as usize
    }

    /// Whether `word` may end in one of the keys: false only if it ends in
    /// none (up to `σ`/`ς`, see [`EndTails::bit`]).
    #[inline]
    pub(crate) fn may_end(&self, word: &[u8]) -> bool {
        if word.len() < self.len {
            // Shorter than every key.
            return false;
        }
        let bit = Self::bit_of_key(last_eight(word) & self.mask);
        self.holds_bit(bit)
    }

    /// [`EndTails::may_end`] of a word of `len` bytes whose
    /// [`last_eight`] is `eight`: one read of a word's end serves several
    /// sets. Now the oracle of [`EndTails::may_end_folded`].
    #[cfg(test)]
    fn may_end_eight(&self, len: usize, eight: u64) -> bool {
        if len < self.len {
            return false;
        }
        let bit = Self::bit_of_key(eight & self.mask);
        self.holds_bit(bit)
    }

    /// [`EndTails::may_end`] of a word of `len` bytes whose
    /// [`last_eight`], folded ([`fold_high_bytes`]), is `folded`: a caller
    /// asking several sets of one word folds its end once, where each
    /// set's look-up folded it again (masking whole bytes and folding
    /// within each byte may come in either order).
    #[inline]
    fn may_end_folded(&self, len: usize, folded: u64) -> bool {
        if len < self.len {
            return false;
        }
        let bit = Self::bit_of_folded(folded & self.mask);
        self.holds_bit(bit)
    }
}

/// `eight`, a word's last bytes as a number, with the lowest bit of every
/// byte from 0x80 on cleared, as [`EndTails::bit`] counts those bytes
/// (`σ` and `ς` as one): done once for a word asked of several sets
/// ([`SplitEndTails::may_end_folded`]).
#[inline]
pub(crate) fn fold_high_bytes(eight: u64) -> u64 {
    eight & !((eight & 0x8080_8080_8080_8080) >> 7)
}

/// Two [`EndTails`] over one set of keys: the keys shorter than
/// [`SPLIT_TAIL`] bytes by the last bytes of the shortest, the rest by
/// their last eight. One set of every key's last few bytes lets through
/// every word ending like a long key's case ending (`-ässä` of `ryhmässä`,
/// `kunnan` of `lautakunnan`); eight bytes tell those from the long keys.
#[derive(Debug, Clone, Default)]
pub(crate) struct SplitEndTails {
    /// The tails of the keys shorter than [`SPLIT_TAIL`] bytes.
    short: EndTails,
    /// The last [`SPLIT_TAIL`] bytes of the longer keys.
    long: EndTails,
}

/// The most bytes of a word's end an [`EndTails`] reads: where
/// [`SplitEndTails`] splits its keys.
pub(crate) const SPLIT_TAIL: usize = 8;

impl SplitEndTails {
    /// The tails of `keys`.
    pub(crate) fn of<'k>(keys: impl IntoIterator<Item = &'k str>) -> SplitEndTails {
        let (short, long): (Vec<&str>, Vec<&str>) =
            keys.into_iter().partition(|k| k.len() < SPLIT_TAIL);
        SplitEndTails {
            short: EndTails::of(short),
            long: EndTails::of(long),
        }
    }

    /// Whether `word` may end in one of the keys: false only if it ends in
    /// none (up to `σ`/`ς`, see [`EndTails`]); each set is asked of the
    /// keys it holds.
    #[inline]
    pub(crate) fn may_end(&self, word: &[u8]) -> bool {
        self.short.may_end(word) || self.long.may_end(word)
    }

    /// [`SplitEndTails::may_end`] of a word of `len` bytes whose
    /// [`last_eight`] is `eight`, read once by a caller that asks several
    /// sets of the same word.
    ///
    ///
    /// Now the oracle of [`SplitEndTails::may_end_folded`].
    #[cfg(test)]
    pub(crate) fn may_end_eight(&self, len: usize, eight: u64) -> bool {
        self.short.may_end_eight(len, eight) || self.long.may_end_eight(len, eight)
    }

    /// [`SplitEndTails::may_end`] of a word of `len` bytes whose
    /// [`last_eight`] folded by [`fold_high_bytes`] is `folded`: a word
    /// asked of several sets is folded once.
    #[inline]
    pub(crate) fn may_end_folded(&self, len: usize, folded: u64) -> bool {
        self.short.may_end_folded(len, folded) || self.long.may_end_folded(len, folded)
    }
}

/// The last eight bytes of `word` as a big-endian number; a word shorter
/// than eight bytes is all of it, with zeros before. Read in at most two
/// loads whatever the length, where a loop over the bytes of a short word
/// (half of all words) took a step a byte.
#[inline]
pub(crate) fn last_eight(word: &[u8]) -> u64 {
    let n = word.len();
    match n {
        // Most words: the last eight read at once.
        8.. => read_be8(word, n - 8),
        // Two four-byte reads, overlapping when `n < 8`: an overlapping
        // byte is the same byte at the same place in both, so OR joins them.
        4..=7 => (read_be4(word, 0) << (8 * (n - 4))) | read_be4(word, n - 4),
        // The first, middle and last bytes: every byte of a word of one to
        // three, put in place (with one byte, all three are it, at 0).
        1..=3 => {
            let byte = |i: usize| u64::from(word.get(i).copied().unwrap_or(0));
            (byte(0) << (8 * (n - 1))) | (byte(n / 2) << (8 * (n - 1 - n / 2))) | byte(n - 1)
        }
        0 => 0,
    }
}

/// The eight bytes of `word` from `at` as a big-endian number (0 if
/// `word` has fewer; the caller reads within it).
#[inline]
fn read_be8(word: &[u8], at: usize) -> u64 {
    word.get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_be_bytes)
}

/// The four bytes of `word` from `at` as a big-endian number (0 if
/// `word` has fewer; the caller reads within it).
#[inline]
fn read_be4(word: &[u8], at: usize) -> u64 {
    word.get(at..at + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(0, |b| u64::from(u32::from_be_bytes(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn longest_ending_wins() {
        let mut b = SuffixTrieBuilder::new(Keep::First);
        for (k, v) in [("ryhmä", 1), ("työryhmä", 2), ("ryhmän", 3), ("ryhmä", 9)] {
            b.insert(k, v);
        }
        let t = b.build();
        assert_eq!(t.longest_suffix("johtoryhmä".as_bytes()), Some((5, &1)));
        assert_eq!(t.longest_suffix("työryhmä".as_bytes()), Some((0, &2)));
        assert_eq!(t.longest_suffix("x-työryhmä".as_bytes()), Some((2, &2)));
        assert_eq!(t.longest_suffix("ryhmät".as_bytes()), None);
        assert_eq!(t.longest_suffix(b""), None);
        assert_eq!(t.get("ryhmän".as_bytes()), Some(&3));
        assert_eq!(t.get("yhmän".as_bytes()), None);
        assert_eq!(t.get(b""), None);
        let mut b = SuffixTrieBuilder::new(Keep::Last);
        b.insert("a", 1);
        b.insert("a", 2);
        assert_eq!(b.build().get(b"a"), Some(&2));
        let empty: SuffixTrie<u8> = SuffixTrie::default();
        assert_eq!(empty.longest_suffix(b"abc"), None);
    }

    #[test]
    fn a_builder_sized_by_its_key_bytes_never_grows() {
        let keys = ["ryhmä", "työryhmä", "ryhmän", "sote", "ä", "ryhmä"];
        let bytes = keys.iter().map(|k| k.len()).sum();
        let mut b = SuffixTrieBuilder::with_capacity(Keep::First, bytes);
        let room = (b.first.capacity(), b.edges.capacity(), b.values.capacity());
        for (i, k) in keys.iter().enumerate() {
            b.insert(k, i);
        }
        // Keys sharing no ending fill the room exactly.
        assert_eq!(
            room,
            (b.first.capacity(), b.edges.capacity(), b.values.capacity())
        );
        let mut c = SuffixTrieBuilder::with_capacity(Keep::First, 6);
        c.insert("abcdef", 0);
        assert_eq!(
            (c.first.len(), c.edges.len()),
            (c.first.capacity(), c.edges.capacity())
        );
        let t = b.build();
        assert_eq!(t.get("ryhmä".as_bytes()), Some(&0));
        assert_eq!(t.longest_suffix("johtoryhmän".as_bytes()), Some((5, &2)));
    }

    #[test]
    fn every_ending_shortest_first() {
        let mut b = SuffixTrieBuilder::new(Keep::First);
        for (k, v) in [("n", 1), ("sen", 2), ("isen", 3), ("ryhmän", 4), ("x", 5)] {
            b.insert(k, v);
        }
        let t = b.build();
        let all = |w: &str| t.suffixes(w.as_bytes()).collect::<Vec<_>>();
        assert_eq!(all("strategisen"), [(10, &1), (8, &2), (7, &3)]);
        assert_eq!(all("ryhmän"), [(6, &1), (0, &4)]);
        assert_eq!(all("ryhmä"), []);
        assert_eq!(all(""), []);
        let empty: SuffixTrie<u8> = SuffixTrie::default();
        assert_eq!(empty.suffixes(b"abc").count(), 0);
    }

    #[test]
    fn many_children_and_any_bytes() {
        let mut b = SuffixTrieBuilder::new(Keep::First);
        let keys: Vec<String> = (0u8..=255)
            .filter_map(|x| char::from_u32(u32::from(x) + 0x40))
            .map(|c| format!("{c}x"))
            .collect();
        for (i, k) in keys.iter().enumerate() {
            b.insert(k, i);
        }
        let t = b.build();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.longest_suffix(format!("ab{k}").as_bytes()), Some((2, &i)));
        }
    }

    /// Whether `word` ends in one of `keys`, asked of every key: the
    /// straightforward question an [`EndTails`] answers "no" to quickly.
    fn ends_in_any(keys: &[&str], word: &str) -> bool {
        keys.iter().any(|k| !k.is_empty() && word.ends_with(k))
    }

    #[test]
    fn end_tails_let_every_key_through() {
        let keys = ["ryhmä", "työryhmän", "neuvostoς", "ab", ""];
        let tails = EndTails::of(keys);
        for k in keys.iter().filter(|k| !k.is_empty()) {
            for prefix in ["", "x", "sote-", "Σ", "ä"] {
                assert!(
                    tails.may_end(format!("{prefix}{k}").as_bytes()),
                    "{prefix}{k}"
                );
            }
        }
        // The shortest key has two bytes: a shorter word ends in none.
        assert!(!tails.may_end(b"b") && !tails.may_end(b""));
        // ς and σ count as one letter.
        assert!(tails.may_end("neuvostoσ".as_bytes()));
        let none = EndTails::of([""]);
        assert!(!none.may_end(b"abc") && !none.may_end(b""));
        assert!(EndTails::default().may_end(b"anything"));
        // Keys longer than 8 bytes are told by their last 8.
        let long = EndTails::of(["sairaanhoitopiiri"]);
        assert!(long.may_end("Sairaanhoitopiiri".as_bytes()));
        assert!(!long.may_end(b"piiri"));
    }

    /// Finnish-like word pieces for [`EndTails`]: letters, ä, ö, å,
    /// capitals, hyphens, dashes, digits, σ and ς, and characters beyond
    /// Latin-1.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "n", "ä", "ö", "å", "Ä", "Ö", "ryhmä", "ryhmän", "ssa", "kin", "-", "–", "1",
            "2019", "σ", "ς", "Σ", "İ", "ł", "\u{212A}", "é", "ÿ", "ą", "Ă", "Â", "Ã", " ", "STO",
        ])
    }

    proptest! {
        #[test]
        fn end_tails_refuse_only_words_ending_in_no_key(
            keys in prop::collection::vec(prop::collection::vec(piece(), 0..4), 0..12),
            words in prop::collection::vec(prop::collection::vec(piece(), 0..8), 0..24),
        ) {
            let keys: Vec<String> = keys.iter().map(|k| k.concat()).collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let tails = EndTails::of(keys.iter().copied());
            for word in words.iter().map(|w| w.concat()) {
                if ends_in_any(&keys, &word) {
                    prop_assert!(tails.may_end(word.as_bytes()), "{:?} {:?}", keys, word);
                    // The same word with ς for σ and σ for ς passes too.
                    let swapped: String = word
                        .chars()
                        .map(|c| match c { 'σ' => 'ς', 'ς' => 'σ', c => c })
                        .collect();
                    prop_assert!(tails.may_end(swapped.as_bytes()), "{:?} {:?}", keys, swapped);
                }
                // A key set's own keys are words ending in a key.
                for key in keys.iter().filter(|k| !k.is_empty()) {
                    let word = format!("{word}{key}");
                    prop_assert!(tails.may_end(word.as_bytes()), "{:?} {:?}", keys, word);
                }
            }
        }
    }

    /// [`EndTails::may_end`] as it was, reading a word shorter than eight
    /// bytes byte by byte: kept as the oracle its test compares with.
    fn may_end_by_bytes(tails: &EndTails, word: &[u8]) -> bool {
        let bit = match word.len().checked_sub(8).and_then(|s| word.get(s..)) {
            Some(&[a, b, c, d, e, f, g, h]) => {
                let last = u64::from_be_bytes([a, b, c, d, e, f, g, h]);
                EndTails::bit_of_key(last & tails.mask)
            }
            _ => {
                let Some(tail) = word
                    .len()
                    .checked_sub(tails.len)
                    .and_then(|s| word.get(s..))
                else {
                    return false;
                };
                EndTails::bit(tail)
            }
        };
        tails
            .bits
            .get(bit / 64)
            .is_some_and(|w| w >> (bit % 64) & 1 == 1)
    }

    #[test]
    fn last_eight_of_every_length() {
        let word: Vec<u8> = (1..=12).collect();
        for n in 0..=word.len() {
            let w = &word[..n];
            let tail = &w[n.saturating_sub(8)..];
            let want = tail.iter().fold(0u64, |k, &b| k << 8 | u64::from(b));
            assert_eq!(last_eight(w), want, "{n}");
        }
    }

    proptest! {
        #[test]
        fn may_end_agrees_with_the_byte_by_byte_look(
            keys in prop::collection::vec(prop::collection::vec(piece(), 0..4), 0..12),
            words in prop::collection::vec(prop::collection::vec(piece(), 0..8), 0..24),
            bytes in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..12), 0..12),
        ) {
            let keys: Vec<String> = keys.iter().map(|k| k.concat()).collect();
            let tails = EndTails::of(keys.iter().map(String::as_str));
            let words = words.iter().map(|w| w.concat().into_bytes());
            // Every ending of every key, and the key after each word.
            let endings = keys.iter().flat_map(|k| {
                (0..=k.len()).map(move |i| k.as_bytes()[i..].to_vec())
            });
            let all: Vec<Vec<u8>> = words.chain(bytes).chain(endings).collect();
            for word in &all {
                for key in keys.iter().map(String::as_bytes).chain([&b""[..]]) {
                    let w = [word.as_slice(), key].concat();
                    for t in [&tails, &EndTails::default()] {
                        prop_assert_eq!(t.may_end(&w), may_end_by_bytes(t, &w), "{:?} {:?}", keys, w);
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn folded_look_up_agrees_with_the_look_up_of_the_eight(
            keys in prop::collection::vec(prop::collection::vec(piece(), 0..6), 0..12),
            words in prop::collection::vec(prop::collection::vec(piece(), 0..8), 0..24),
            bytes in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..12), 0..12),
        ) {
            let keys: Vec<String> = keys.iter().map(|k| k.concat()).collect();
            let tails = SplitEndTails::of(keys.iter().map(String::as_str));
            let words = words.iter().map(|w| w.concat().into_bytes());
            let all: Vec<Vec<u8>> = words.chain(bytes).collect();
            for word in &all {
                for key in keys.iter().map(String::as_bytes).chain([&b""[..]]) {
                    let w = [word.as_slice(), key].concat();
                    let eight = last_eight(&w);
                    for t in [&tails, &SplitEndTails::default()] {
                        prop_assert_eq!(
                            t.may_end_folded(w.len(), fold_high_bytes(eight)),
                            t.may_end_eight(w.len(), eight),
                            "{:?} {:?}", keys, w
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_folded_key_still_finds_a_key_ending_in_a_high_byte() {
        // `ä` (`C3 A4`) and `å` (`C3 A5`) fold to one: a word ending in
        // either passes a set holding the other; `a` (ASCII) folds to
        // nothing else.
        let tails = SplitEndTails::of(["hä", "työryhmä"]);
        for word in ["tähå", "työryhmä", "työryhmå"] {
            let eight = last_eight(word.as_bytes());
            assert!(
                tails.may_end_folded(word.len(), fold_high_bytes(eight)),
                "{word}"
            );
        }
        let eight = last_eight(b"tyoryhma");
        assert!(!tails.may_end_folded(8, fold_high_bytes(eight)));
    }

    /// The builder [`SuffixTrieBuilder`] replaced, with a map of children
    /// per node, kept as the oracle its tests compare with.
    struct MapBuilder<V> {
        children: Vec<crate::lexicon::fx::FxHashMap<u8, u32>>,
        values: Vec<Option<V>>,
        keep: Keep,
    }

    impl<V> MapBuilder<V> {
        fn new(keep: Keep) -> Self {
            Self {
                children: vec![Default::default()],
                values: vec![None],
                keep,
            }
        }

        fn insert(&mut self, key: &str, value: V) {
            if key.is_empty() {
                return;
            }
            let mut node = 0usize;
            for &b in key.as_bytes().iter().rev() {
                let next = self.children.len() as u32;
                let child = *self.children[node].entry(b).or_insert(next);
                if child == next {
                    self.children.push(Default::default());
                    self.values.push(None);
                }
                node = child as usize;
            }
            let slot = &mut self.values[node];
            if slot.is_none() || self.keep == Keep::Last {
                *slot = Some(value);
            }
        }

        fn build(self) -> SuffixTrie<V> {
            let mut class = Box::new([0u16; 256]);
            let mut classes: u16 = 1;
            for children in &self.children {
                for &b in children.keys() {
                    if class[usize::from(b)] == 0 {
                        class[usize::from(b)] = classes;
                        classes += 1;
                    }
                }
            }
            let classes = usize::from(classes);
            let mut nodes = Vec::with_capacity(self.children.len());
            let mut dense = Vec::new();
            let mut edges = Vec::new();
            let mut values = Vec::new();
            for (children, value) in self.children.iter().zip(self.values) {
                let value = match value {
                    Some(v) => {
                        values.push(v);
                        values.len() as u32 - 1
                    }
                    None => NO_VALUE,
                };
                let mut sorted: Vec<(u8, u32)> = children.iter().map(|(&b, &c)| (b, c)).collect();
                sorted.sort_unstable();
                let node = if sorted.len() >= DENSE_FROM {
                    let row = dense.len();
                    dense.resize(row + classes, 0);
                    for &(b, c) in &sorted {
                        dense[row + usize::from(class[usize::from(b)])] = c;
                    }
                    Node {
                        children: row as u32,
                        len: DENSE,
                        value,
                    }
                } else {
                    let start = edges.len() as u32;
                    edges.extend(sorted);
                    Node {
                        children: start,
                        len: edges.len() as u32 - start,
                        value,
                    }
                };
                nodes.push(node);
            }
            SuffixTrie {
                class,
                nodes,
                dense,
                edges,
                values,
            }
        }
    }

    proptest! {
        #[test]
        fn builder_agrees_with_the_map_builder(
            keys in prop::collection::vec(prop::collection::vec(piece(), 0..4), 0..40),
            words in prop::collection::vec(prop::collection::vec(piece(), 0..6), 0..24),
            last in any::<bool>(),
        ) {
            let keep = if last { Keep::Last } else { Keep::First };
            let mut new = SuffixTrieBuilder::new(keep);
            let mut old = MapBuilder::new(keep);
            for (i, key) in keys.iter().map(|k| k.concat()).enumerate() {
                new.insert(&key, i);
                old.insert(&key, i);
            }
            let (new, old) = (new.build(), old.build());
            prop_assert_eq!(new.nodes.len(), old.nodes.len());
            prop_assert_eq!(&new.values, &old.values);
            let words = words.iter().map(|w| w.concat()).chain(keys.iter().map(|k| k.concat()));
            for word in words {
                let w = word.as_bytes();
                prop_assert_eq!(new.longest_suffix(w), old.longest_suffix(w), "{:?}", word);
                prop_assert_eq!(new.get(w), old.get(w), "{:?}", word);
                prop_assert_eq!(
                    new.suffixes(w).collect::<Vec<_>>(),
                    old.suffixes(w).collect::<Vec<_>>(),
                    "{:?}", word
                );
            }
        }
    }
}
