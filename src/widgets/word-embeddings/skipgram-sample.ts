/**
 * The text the training cell offers when the reader has pasted nothing of their own: short
 * reviews written for the kit (not taken from IMDB), in which good and bad words, and people
 * and parts of a film, turn up in similar places, so that even a few seconds of training has
 * something to find.
 */
export const SAMPLE_TEXT = [
  'the acting was excellent and the story was great',
  'the acting was awful and the story was boring',
  'an excellent film with a wonderful cast and a great script',
  'an awful film with a terrible cast and a boring script',
  'the actor was superb and the actress was wonderful',
  'the actor was terrible and the actress was awful',
  'what a great movie the director did an excellent job',
  'what a dull movie the director did a terrible job',
  'i loved this film it was excellent from start to finish',
  'i hated this film it was boring from start to finish',
  'the plot was clever and the ending was superb',
  'the plot was stupid and the ending was awful',
  'a wonderful story with great music and excellent acting',
  'a boring story with dull music and awful acting',
  'the lead actor gives a great performance in this excellent drama',
  'the lead actress gives a terrible performance in this boring drama',
  'this movie is great fun and the cast is excellent',
  'this movie is dull and the cast is terrible',
  'the director and the writer made a superb film',
  'the director and the writer made an awful film',
  'excellent direction great photography and a wonderful score',
  'terrible direction boring photography and an awful score',
  'the young actor was brilliant and the old actress was superb',
  'the young actor was dreadful and the old actress was terrible',
  'i would watch this great movie again it is excellent',
  'i would never watch this dull movie again it is awful',
  'the story is moving the acting is superb and the film is great',
  'the story is silly the acting is dreadful and the film is boring',
  'a brilliant script an excellent cast and a wonderful director',
  'a stupid script a terrible cast and a dreadful director',
  'my favourite actor was great in this wonderful comedy',
  'my least favourite actress was awful in this dull comedy',
  'the film was excellent the music was great and the story was brilliant',
  'the film was awful the music was boring and the story was dreadful',
  'see this superb movie with its excellent actor',
  'skip this terrible movie with its awful actress',
].join('\n');
