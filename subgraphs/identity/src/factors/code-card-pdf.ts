import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { cellName, type IssuedCard } from './code-card.ts';

/** The printable code card (A6 landscape): holder, commune, serial and the matrix of codes. */
export async function codeCardPdf(card: IssuedCard, holder: { name: string; commune: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Gemeng – ${holder.commune} – ${card.serial}`);
  pdf.setSubject('Code card / Carte de codes / Codekaart');
  const page = pdf.addPage([420, 298]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const text = (value: string, x: number, y: number, size = 9, f = font) => {
    // The standard PDF fonts cover Western European letters only; others are printed without their accents.
    let printable = value;
    try {
      f.encodeText(value);
    } catch {
      printable = value.normalize('NFKD').replace(/[^\x20-\x7E]/g, '');
    }
    page.drawText(printable, { x, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
  };
  text(`Gemeng – ${holder.commune}`, 20, 270, 14, bold);
  text(holder.name, 20, 252, 10);
  text(`N° ${card.serial}`, 300, 252, 10, bold);
  const cellWidth = 60;
  const cellHeight = 20;
  const left = 45;
  const top = 225;
  for (let column = 0; column < card.columns; column++) {
    text(String(column + 1), left + column * cellWidth + 24, top + 4, 9, bold);
  }
  for (let row = 0; row < card.rows; row++) {
    const y = top - (row + 1) * cellHeight;
    text(cellName(row * card.columns).charAt(0), 25, y + 6, 9, bold);
    for (let column = 0; column < card.columns; column++) {
      const x = left + column * cellWidth;
      page.drawRectangle({
        x,
        y,
        width: cellWidth,
        height: cellHeight,
        borderColor: rgb(0.4, 0.4, 0.4),
        borderWidth: 0.5,
      });
      text(card.codes[row * card.columns + column] ?? '', x + 16, y + 6, 11, mono);
    }
  }
  text('Keep this card safe. Each code works once. / Chaque code ne sert qu’une fois.', 20, 8, 7);
  return pdf.save();
}
