using System.Buffers;
using System.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Shipshape.Secrets.Detection;

/// <summary>
/// Finds where one of many keywords may start, in one pass: the first four characters of every keyword (the first
/// three of a shorter one; ASCII, case-insensitive) are hashed into a bit table, and the text is walked once with a
/// code of its next four characters, two table tests per character. A position it returns is a candidate that
/// the caller confirms (the first two characters narrow it to a few keywords); a position it skips starts no keyword.
/// </summary>
/// <remarks>
/// .NET's <see cref="SearchValues{T}"/> of strings gets its vectorised (Teddy) scan only up to 80 values and otherwise
/// walks an Aho-Corasick automaton, which ran at about 180 MB/s per core over infrastructure code with the built-in
/// rules' keywords; these table tests are several times faster, and confirming costs little because the candidates are
/// few. Keywords with a non-ASCII character have no prefilter (<see cref="Create"/> returns null): the caller searches
/// with <see cref="SearchValues{T}"/> instead. Non-ASCII text characters never start or continue a keyword here, as in
/// the ASCII case-insensitive search and the confirmation this replaces.
/// </remarks>
internal sealed class KeywordPrefilter
{
    /// <summary>Characters of a long keyword's prefix in the code.</summary>
    /// <remarks>Three let through ten times more positions than start a keyword on infrastructure code ("con", "ent",
    /// "put", "def" …); four let through few.</remarks>
    private const int LongPrefix = 4;

    /// <summary>Characters of a short keyword's prefix (a keyword of one or two characters matches whatever follows).</summary>
    private const int ShortPrefix = 3;

    /// <summary>Bits of the table of long prefixes (8 KiB, so that it stays in the first-level cache beside the text).</summary>
    /// <remarks>A few hundred prefixes in 2^16 bits: about one position in 170 collides, and confirming a candidate
    /// costs less than a cache miss per character would.</remarks>
    private const int LongTableBits = 16;

    /// <summary>Bits of the table of short prefixes, which follows the long one in the same array.</summary>
    private const int ShortTableBits = 14;

    /// <summary>Bits of a character's class in the code: constant, so that the code is built with constant shifts.</summary>
    private const int Bits = 7;

    // Lower- and upper-case ASCII letters share a class; class 0 is every character in no keyword's prefix, and what
    // lies past the end of the text.
    private readonly byte[] _classOf = new byte[128];
    private readonly ulong[] _table = new ulong[((1 << LongTableBits) + (1 << ShortTableBits)) / 64];

    private KeywordPrefilter(IReadOnlyList<string> keywords)
    {
        var chars = keywords.SelectMany(k => k.Take(LongPrefix)).Select(char.ToLowerInvariant).Distinct().Order().ToList();
        for (var i = 0; i < chars.Count; i++)
        {
            _classOf[chars[i]] = (byte)(i + 1);
            _classOf[char.ToUpperInvariant(chars[i])] = (byte)(i + 1);
        }

        // At most 103 classes: the 128 ASCII characters less the 26 upper-case letters, and class 0.
        var classes = chars.Count + 1;
        foreach (var keyword in keywords)
        {
            if (keyword.Length >= LongPrefix)
            {
                Set(LongSlot(Code(keyword, LongPrefix)));
            }
            else
            {
                SetShort(keyword, Code(keyword, keyword.Length), keyword.Length);
            }
        }

        // A keyword of one or two characters: every code of three that starts with it.
        void SetShort(string keyword, int code, int length)
        {
            if (length == ShortPrefix)
            {
                Set(ShortSlot(code));
                return;
            }

            for (var c = 0; c < classes; c++)
            {
                SetShort(keyword, (code << Bits) | c, length + 1);
            }
        }

        void Set(uint slot) => _table[slot >> 6] |= 1UL << (int)slot;

        int Code(string keyword, int length)
        {
            var code = 0;
            for (var i = 0; i < length; i++)
            {
                code = (code << Bits) | _classOf[keyword[i]];
            }

            return code;
        }
    }

    /// <summary>The prefilter of these keywords, or null when one is empty or not ASCII (search those with <see cref="SearchValues{T}"/>).</summary>
    public static KeywordPrefilter? Create(IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        return keywords.Count == 0 || keywords.Any(k => k.Length == 0 || !Ascii.IsValid(k)) ? null : new KeywordPrefilter(keywords);
    }

    /// <summary>The first position in <paramref name="text"/> where a keyword may start, or -1.</summary>
    public int IndexOfCandidate(ReadOnlySpan<char> text)
    {
        var length = text.Length;
        ref var start = ref MemoryMarshal.GetReference(text);
        ref var classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        // The classes of the characters at i .. i + 2; the code of i .. i + 3 is built from them afresh at each step
        // rather than rolled (a shift, an or and a mask per character, one after the other, were the loop's critical path).
        uint c0 = length > 0 ? (uint)ClassOf(ref classOf, start) : 0;
        uint c1 = length > 1 ? (uint)ClassOf(ref classOf, Unsafe.Add(ref start, 1)) : 0;
        uint c2 = length > 2 ? (uint)ClassOf(ref classOf, Unsafe.Add(ref start, 2)) : 0;
        var i = 0;
        for (; i < length - 3; i++)
        {
            uint c3 = (uint)ClassOf(ref classOf, Unsafe.Add(ref start, i + 3));
            var shortCode = (c0 << (2 * Bits)) | (c1 << Bits) | c2;
            var code = (shortCode << Bits) | c3;
            if (IsSet(ref table, LongSlot((int)code)) | IsSet(ref table, ShortSlot((int)shortCode)))
            {
                return i;
            }

            c0 = c1; c1 = c2; c2 = c3;
        }

        for (; i < length; i++)
        {
            var shortCode = (c0 << (2 * Bits)) | (c1 << Bits) | c2;
            var code = shortCode << Bits;
            if (IsSet(ref table, LongSlot((int)code)) | IsSet(ref table, ShortSlot((int)shortCode)))
            {
                return i;
            }

            c0 = c1; c1 = c2; c2 = 0;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ClassOf(ref byte classOf, char c) => c < 128 ? Unsafe.Add(ref classOf, c) : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSet(ref ulong table, uint slot) => (Unsafe.Add(ref table, (int)(slot >> 6)) & (1UL << (int)slot)) != 0;

    // Fibonacci hashing: the top bits of the product. The short table follows the long one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LongSlot(int code) => ((uint)code * 0x9E3779B1u) >> (32 - LongTableBits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ShortSlot(int code) => (1u << LongTableBits) + (((uint)code * 0x9E3779B1u) >> (32 - ShortTableBits));
}
