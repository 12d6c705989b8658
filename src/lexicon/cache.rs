//! Small look-up caches that live as long as a thread.
//!
//! An archive repeats its words and names page after page, so what was
//! worked out for a word on one page is asked again on the next. A cache
//! here keeps such answers by the word, bounded: when full it is emptied
//! and starts again, so memory stays flat whatever the archive's size.

use std::cell::RefCell;

use super::fx::FxHashMap;

/// Answers by word, kept by a thread (in a `thread_local!`).
pub(crate) type ThreadCache<V> = RefCell<FxHashMap<Box<str>, V>>;

/// `tell()`, the answer for `word`, from `cache` when it holds it, else
/// told and kept there; a cache holding `size` words already is emptied
/// first. The cache is not borrowed while `tell` runs, so `tell` may use
/// it too (it is then only not kept).
#[inline]
pub(crate) fn remembered<V: Clone>(
    cache: &ThreadCache<V>,
    size: usize,
    word: &str,
    tell: impl FnOnce() -> V,
) -> V {
    let known = cache
        .try_borrow()
        .ok()
        .and_then(|words| words.get(word).cloned());
    if let Some(known) = known {
        return known;
    }
    let told = tell();
    if let Ok(mut words) = cache.try_borrow_mut() {
        if words.len() >= size {
            words.clear();
        }
        words.insert(word.into(), told.clone());
    }
    told
}
