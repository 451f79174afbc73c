/**
 * Long text → pieces WhatsApp accepts, cut at the coarsest boundary that works: paragraphs,
 * then lines, then sentences, then words. A word longer than a whole message is the only
 * thing ever cut (it cannot happen with our texts).
 * @module
 */

// Each boundary stays at the end of the piece before it, so nothing is lost when pieces join.
const BOUNDARIES = [/(?<=\n\n)/, /(?<=\n)/, /(?<=[.!?;:] )/, /(?<= )/];

export function splitText(text: string, max: number): string[] {
  const t = text.trim();
  if (!t) return [];
  return split(t, max, 0).map((p) => p.trim()).filter(Boolean);
}

function split(text: string, max: number, level: number): string[] {
  if (text.trim().length <= max) return [text];
  if (level >= BOUNDARIES.length) {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += max) out.push(text.slice(i, i + max));
    return out;
  }
  const chunks: string[] = [];
  let current = '';
  for (const piece of text.split(BOUNDARIES[level])) {
    if ((current + piece).trim().length <= max) current += piece;
    else {
      if (current.trim()) chunks.push(current);
      current = '';
      if (piece.trim().length <= max) current = piece;
      else chunks.push(...split(piece, max, level + 1));
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

/**
 * Text that must end in a shorter body (an interactive message's): the body is the last piece
 * that fits `bodyMax`, everything before it goes as text messages of up to `textMax`.
 */
export function splitForBody(text: string, bodyMax: number, textMax: number): { before: string[]; body: string } {
  const pieces = splitText(text, textMax);
  const last = pieces.pop() ?? '';
  if (last.length <= bodyMax) return { before: pieces, body: last };
  const tail = splitText(last, bodyMax);
  const body = tail.pop() ?? '';
  return { before: [...pieces, ...tail], body };
}
