/** The example reviews of chapter 6's review cell, written for the kit (not taken from IMDB). */
export const EXAMPLES = [
  {
    key: 'mixed',
    title: 'Good cast, bad script',
    text: 'I wanted to like this movie. The cast is excellent, yet the script is lazy, the jokes fall flat and the last hour is a boring mess.',
  },
  {
    key: 'quiet',
    title: 'Slow, then superb',
    text: 'A quiet, beautifully acted film. The story drags in the middle, but the ending is superb and I would gladly watch it again.',
  },
  {
    key: 'negation',
    title: 'Not bad at all',
    text: 'Not bad at all: the plot was thin, but the acting was wonderful.',
  },
  {
    key: 'awful',
    title: 'A waste of time',
    text: 'Awful. Just awful. The worst film I have seen this year, a waste of two hours.',
  },
] as const;
