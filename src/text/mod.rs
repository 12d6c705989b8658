//! Text handling shared by every stage: what counts as space, and how a text
//! splits into lines and blocks.
//!
//! The source text is never rewritten. Scraped announcements hold NBSP,
//! BOMs, CRLF and lone CR line ends, zero-width spaces; instead of
//! normalising them into a copy (and keeping an offset map to find the way
//! back), every scanner here treats them as what they are, and every slice
//! it returns borrows the source. A span is therefore a source offset by
//! construction.

mod ascii;
pub(crate) mod block;
mod byte_set;
mod capital;
mod case;
mod lower;
mod segment;
mod sentence;
mod space;
mod words;

pub(crate) use ascii::{
    ASCII_ALNUM, HIGH, ONES, ascii_alnum_run, ascii_bytes_within, bytes_equal_to, lead_bytes,
    run_by_words,
};
#[cfg(test)]
pub(crate) use ascii::{alnum_bytes, zero_bytes};
pub(crate) use block::{BLOCK, ascii_alnum, block_masks, equal, in_range, padded_block};
pub(crate) use byte_set::ByteSet;
#[cfg(test)]
pub(crate) use capital::next_capital_mark;
pub(crate) use capital::{BYTES_PER_CAPITAL, capital_starts, capital_starts_into};
pub(crate) use case::{
    ToLower, is_latin1, is_latin1_capital_second, is_lowercase_fixed_point, lower_cow, to_lower,
};
pub(crate) use lower::{LowerText, tail_is_own_lower_case};
pub(crate) use segment::{Line, lines};
pub(crate) use sentence::{Sentence, sentences_into};
pub(crate) use space::{is_inline_space, is_space, trim_end_space, trim_start_space};
pub(crate) use words::{
    Word, Words, char_at, is_alphabetic, is_alphanumeric, is_word_char, latin1_letter, words,
    words_within,
};

/// The byte length of the longest of `words` (0 for none), for the
/// constants that bound how far back a scan must look for one of them.
pub(crate) const fn longest_len(words: &[&str]) -> usize {
    let mut longest = 0;
    let mut k = 0;
    while k < words.len() {
        if words[k].len() > longest {
            longest = words[k].len();
        }
        k += 1;
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::longest_len;

    #[test]
    fn longest_len_counts_bytes_of_the_longest() {
        assert_eq!(longest_len(&[]), 0);
        assert_eq!(longest_len(&["ab", "äää", "c"]), 6);
        assert_eq!(longest_len(&["oy", "", "ry"]), 2);
        assert_eq!(longest_len(&["abc", "abcd", "ab"]), 4);
    }
}
