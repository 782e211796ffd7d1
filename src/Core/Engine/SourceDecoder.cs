using System;
using System.Text;

namespace Shipshape.Engine
{
    /// <summary>Turns file bytes into text, refusing binary content and invalid UTF-8 with a precise reason.</summary>
    public static class SourceDecoder
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static bool LooksBinary(byte[] bytes, int length)
        {
            if (HasUtf16Bom(bytes, length)) return false;
            int probe = Math.Min(length, 8000);
            for (int i = 0; i < probe; i++)
                if (bytes[i] == 0) return true;
            return false;
        }

        private static bool HasUtf16Bom(byte[] b, int length)
            => length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF));

        /// <summary>Decodes UTF-8 (BOM optional) or BOM-marked UTF-16; on invalid UTF-8 returns null and the byte offset of the first bad byte.</summary>
        public static string? TryDecode(byte[] bytes, int length, out int invalidByteOffset, out string? partialText)
        {
            invalidByteOffset = -1;
            partialText = null;
            if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, length - 2);
            if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, length - 2);
            int start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                return StrictUtf8.GetString(bytes, start, length - start);
            }
            catch (DecoderFallbackException)
            {
                invalidByteOffset = FindInvalidUtf8(bytes, start, length);
                // The valid prefix lets the finding point at a line and column.
                partialText = Encoding.UTF8.GetString(bytes, start, Math.Max(0, invalidByteOffset - start));
                return null;
            }
        }

        private static int FindInvalidUtf8(byte[] b, int start, int length)
        {
            int i = start;
            while (i < length)
            {
                byte c = b[i];
                int need;
                if (c < 0x80) { i++; continue; }
                if (c >= 0xC2 && c <= 0xDF) need = 1;
                else if (c >= 0xE0 && c <= 0xEF) need = 2;
                else if (c >= 0xF0 && c <= 0xF4) need = 3;
                else return i;
                if (i + need >= length + 0 && i + need > length - 1 + 1) return i;
                for (int k = 1; k <= need; k++)
                    if (i + k >= length || (b[i + k] & 0xC0) != 0x80) return i;
                // Overlongs, surrogates and values past U+10FFFF.
                if (c == 0xE0 && b[i + 1] < 0xA0) return i;
                if (c == 0xED && b[i + 1] > 0x9F) return i;
                if (c == 0xF0 && b[i + 1] < 0x90) return i;
                if (c == 0xF4 && b[i + 1] > 0x8F) return i;
                i += need + 1;
            }
            return length;
        }
    }
}
