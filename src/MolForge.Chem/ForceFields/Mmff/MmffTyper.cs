namespace MolForge.Chem.ForceFields.Mmff;

/// <summary>MMFF94 numeric atom types from the graph (MMFF.I Table 3 symbolic types mapped through mmffdef.par),
/// following the decision rules RDKit uses (MMFFMolProperties::setMMFFHeavyAtomType / setMMFFHydrogenType):
/// aromatic 5-ring types from alpha/beta heteroatom positions, 6-ring aromatics, then element by element.</summary>
internal static class MmffTyper
{
    /// <summary>Types per atom; 0 where MMFF has no type.</summary>
    public static int[] AssignTypes(MmffTopology t)
    {
        var types = new int[t.AtomCount];
        for (var a = 0; a < t.AtomCount; a++)
            if (t.Z(a) != 1) types[a] = HeavyType(t, a);
        for (var a = 0; a < t.AtomCount; a++)
            if (t.Z(a) == 1) types[a] = HydrogenType(t, a, types);
        return types;
    }

    private static bool IsRingHetero(MmffTopology t, int x) =>
        t.Z(x) == 8 || t.Z(x) == 16 || (t.Z(x) == 7 && t.Degree(x) == 3 && !t.IsNOxide(x));

    private static int HeavyType(MmffTopology t, int atom)
    {
        var z = t.Z(atom);
        if (t.AromaticAtom[atom])
        {
            var type = AromaticType(t, atom, z);
            if (type != 0) return type;
        }
        return z switch
        {
            3 => t.Degree(atom) == 0 ? 92 : 0,
            6 => CarbonType(t, atom),
            7 => NitrogenType(t, atom),
            8 => OxygenType(t, atom),
            9 => t.Degree(atom) == 1 ? 11 : t.Degree(atom) == 0 ? 89 : 0,
            11 => t.Degree(atom) == 0 ? 93 : 0,
            12 => t.Degree(atom) == 0 ? 99 : 0,
            14 => 19,
            15 => t.Degree(atom) switch { 4 => 25, 3 => 26, 2 => 75, _ => 0 },
            16 => SulfurType(t, atom),
            17 => ChlorineType(t, atom),
            19 => t.Degree(atom) == 0 ? 94 : 0,
            20 => t.Degree(atom) == 0 ? 96 : 0,
            26 => t.Degree(atom) == 0 ? t.Charge(atom) switch { 2 => 87, 3 => 88, _ => 0 } : 0,
            29 => t.Degree(atom) == 0 ? t.Charge(atom) switch { 1 => 97, 2 => 98, _ => 0 } : 0,
            30 => t.Degree(atom) == 0 ? 95 : 0,
            35 => t.Degree(atom) == 1 ? 13 : t.Degree(atom) == 0 ? 91 : 0,
            53 => t.Degree(atom) == 1 ? 14 : 0,
            _ => 0,
        };
    }

    private static int AromaticType(MmffTopology t, int atom, int z)
    {
        if (t.InAromaticRingOfSize(atom, 5))
        {
            var alpha = new List<int>();
            var beta = new List<int>();
            bool alphaOS = false, betaOS = false, alphaBetaSameRing = false;
            if (z is 6 or 7)
            {
                foreach (var nb in t.Neighbors(atom))
                {
                    if (!t.InAromaticRingOfSize(nb, 5)) continue;
                    if (t.ShareRingOfSize(atom, nb, 5) && IsRingHetero(t, nb)) alpha.Add(nb);
                    foreach (var nb2 in t.Neighbors(nb))
                    {
                        if (nb2 == atom || !t.InAromaticRingOfSize(nb2, 5)) continue;
                        if (t.ShareRingOfSize(atom, nb2, 5) && IsRingHetero(t, nb2)) beta.Add(nb2);
                    }
                }
                alphaOS = alpha.Exists(x => t.Z(x) is 8 or 16);
                betaOS = beta.Exists(x => t.Z(x) is 8 or 16);
                foreach (var x in alpha)
                    foreach (var y in beta)
                        if (t.ShareRingOfSize(x, y, 5)) alphaBetaSameRing = true;
            }
            switch (z)
            {
                case 6:
                    if (beta.Count == 0)
                    {
                        int nN = 0, nCharged = 0, nIn5 = 0, nIn6 = 0;
                        foreach (var nb in t.Neighbors(atom))
                        {
                            if (t.Z(nb) != 7 || t.Degree(nb) != 3) continue;
                            nN++;
                            if (t.Charge(nb) > 0 && !t.IsNOxide(nb)) nCharged++;
                            if (t.InAromaticRingOfSize(nb, 5)) nIn5++;
                            if (t.InAromaticRingOfSize(nb, 6)) nIn6++;
                        }
                        if (((nN == 2 && nIn5 > 0) || (nN == 3 && nIn5 == 2)) && nCharged > 0 && nIn6 == 0) return 80;
                    }
                    if (alpha.Count == beta.Count)
                    {
                        bool byBenzeneC = true, byArom = true;
                        foreach (var nb in t.Neighbors(atom))
                        {
                            if (t.Z(nb) != 6 || !t.Rings.IsInRingOfSize(nb, 6)) byBenzeneC = false;
                            if (t.ShareRingOfSize(atom, nb, 5) && !t.AromaticAtom[nb]) byArom = false;
                        }
                        if ((alpha.Count == 0 && !byBenzeneC && byArom)
                            || (alpha.Count > 0 && (!alphaBetaSameRing || (!alphaOS && !betaOS))))
                            return 78;
                    }
                    if (alpha.Count > 0 && (beta.Count == 0 || alphaOS)) return 63;
                    if (beta.Count > 0 && (alpha.Count == 0 || betaOS)) return 64;
                    break;
                case 7:
                    if (t.IsNOxide(atom)) return 82;
                    if (alpha.Count == 0 && beta.Count == 0) return t.Degree(atom) == 3 ? 39 : 76;
                    if (t.Degree(atom) == 3 && alpha.Count != beta.Count) return 81;
                    if (alpha.Count > 0 && (beta.Count == 0 || alphaOS)) return 65;
                    if (beta.Count > 0 && (alpha.Count == 0 || betaOS)) return 66;
                    if (alpha.Count > 0 && beta.Count > 0) return 79;
                    break;
                case 8:
                    return 59;
                case 16:
                    return 44;
            }
        }
        if (t.InAromaticRingOfSize(atom, 6))
        {
            if (z == 6) return 37;
            if (z == 7) return t.IsNOxide(atom) ? 69 : t.Degree(atom) == 3 ? 58 : 38;
        }
        return 0;
    }

    private static int CarbonType(MmffTopology t, int atom)
    {
        var degree = t.Degree(atom);
        if (degree == 4)
        {
            if (t.Rings.IsInRingOfSize(atom, 3)) return 22;
            if (t.Rings.IsInRingOfSize(atom, 4)) return 20;
            return 1;
        }
        if (degree == 3)
        {
            int nN2 = 0, nN3 = 0, nO = 0, nS = 0, doubleZ = 0;
            foreach (var nb in t.Neighbors(atom))
            {
                var kind = t.KindBetween(atom, nb);
                if (kind == 2) doubleZ = t.Z(nb);
                if (t.Degree(nb) == 1)
                {
                    if (t.Z(nb) == 8) nO++;
                    else if (t.Z(nb) == 16) nS++;
                }
                else if (t.Z(nb) == 7)
                {
                    if (t.Degree(nb) == 3) nN3++;
                    else if (t.Degree(nb) == 2 && kind == 2) nN2++;
                }
            }
            if (nN3 >= 2 && nN2 == 0 && doubleZ == 7) return 57;
            if (nO == 2 || nS == 2) return 41;
            if (t.Rings.IsInRingOfSize(atom, 4) && doubleZ == 6) return 30;
            if (doubleZ is 7 or 8 or 15 or 16) return 3;
            return 2;
        }
        if (degree == 2) return 4;
        if (degree == 1) return 60;
        return 0;
    }

    private static int NitrogenType(MmffTopology t, int atom)
    {
        var degree = t.Degree(atom);
        var valence = t.Valence(atom);
        var nTermO = 0;
        var nso2OrNcn = false;
        foreach (var nb in t.Neighbors(atom))
        {
            if (t.Z(nb) == 8 && t.Degree(nb) == 1) nTermO++;
            if (valence >= 3 && t.Z(nb) is 15 or 16)
            {
                var nO = 0;
                foreach (var nb2 in t.Neighbors(nb))
                    if (t.Z(nb2) == 8 && t.Degree(nb2) == 1) nO++;
                if (!nso2OrNcn) nso2OrNcn = nO >= 2;
            }
        }
        if (degree == 4) return t.IsNOxide(atom) ? 68 : 34;
        if (degree == 3)
        {
            if (valence >= 4)
            {
                var doubleCN = false;
                foreach (var nb in t.Neighbors(atom))
                {
                    if (t.KindBetween(atom, nb) != 2) continue;
                    doubleCN = t.Z(nb) is 7 or 6;
                    if (t.Z(nb) == 6)
                    {
                        foreach (var nb2 in t.Neighbors(nb))
                        {
                            if (!doubleCN) break;
                            if (nb2 == atom) continue;
                            doubleCN = !(t.Z(nb2) == 7 && t.Degree(nb2) == 3);
                        }
                    }
                }
                if (nTermO == 1) return 67;
                if (nTermO >= 2) return 45;
                if (doubleCN) return 54;
            }
            if (valence >= 3)
            {
                bool ncoOrNcs = false, ncnPlus = false, ngdPlus = false, nnnOrNnc = false, nbrC = false, nbrBenzeneC = false;
                int doubleToC = 0, tripleToC = 0, nObondedToC = 0, nSbondedToC = 0;
                foreach (var nb in t.Neighbors(atom))
                {
                    if (t.Z(nb) == 6)
                    {
                        nbrC = true;
                        if (t.AromaticAtom[nb] && t.Rings.IsInRingOfSize(nb, 6)) nbrBenzeneC = true;
                        int nN2 = 0, nN3 = 0, nCharged = 0, nIn6 = 0;
                        nObondedToC = 0;
                        nSbondedToC = 0;
                        foreach (var nb2 in t.Neighbors(nb))
                        {
                            var kind = t.KindBetween(nb, nb2);
                            var z2 = t.Z(nb2);
                            if (kind == 2 && z2 is 8 or 16) ncoOrNcs = true;
                            if (kind == 2 || (kind == MmffTopology.Aromatic && (z2 == 6 || (z2 == 7 && t.Rings.RingCount(nb2) == 1))))
                                doubleToC = z2;
                            if (kind == 3) tripleToC = z2;
                            if (z2 == 7 && t.Degree(nb2) == 3)
                            {
                                if (t.Charge(nb2) == 1) nCharged++;
                                if (t.InAromaticRingOfSize(nb, 6)) nIn6++;
                                var nO = 0;
                                foreach (var nb3 in t.Neighbors(nb2))
                                    if (t.Z(nb3) == 8) nO++;
                                if (nO < 2) nN3++;
                            }
                            if (z2 == 7 && t.Degree(nb2) == 2 && (kind == 2 || kind == MmffTopology.Aromatic)) nN2++;
                            if (t.AromaticAtom[nb2])
                            {
                                if (z2 == 8) nObondedToC++;
                                if (z2 == 16) nSbondedToC++;
                            }
                        }
                        if (doubleToC == 7)
                        {
                            if (nN3 == 2 && nN2 == 0 && nCharged > 0 && nIn6 == 0 && t.Degree(nb) < 4) ncnPlus = true;
                            if (nN3 == 3) ngdPlus = true;
                        }
                    }
                    if (t.Z(nb) == 7)
                    {
                        int nNn = 0, nOn = 0, nSn = 0;
                        foreach (var nb2 in t.Neighbors(nb))
                        {
                            if (t.KindBetween(nb, nb2) != 2) continue;
                            if (t.Z(nb2) == 6)
                            {
                                foreach (var nb3 in t.Neighbors(nb2))
                                {
                                    if (nb3 == nb) continue;
                                    switch (t.Z(nb3))
                                    {
                                        case 7: nNn++; break;
                                        case 8: nOn++; break;
                                        case 16: nSn++; break;
                                    }
                                }
                                if (nOn == 0 && nSn == 0 && nNn == 0 && !nbrBenzeneC) nnnOrNnc = true;
                            }
                            if (t.Z(nb2) == 7 && !nbrBenzeneC) nnnOrNnc = true;
                        }
                    }
                }
                if (nbrC)
                {
                    if (tripleToC == 7) nso2OrNcn = true;
                    if (ncnPlus) return 55;
                    if (ngdPlus) return 56;
                    if (!ncoOrNcs && !nso2OrNcn
                        && ((nObondedToC == 0 && nSbondedToC == 0 && nbrBenzeneC)
                            || doubleToC is 6 or 7 or 15 || tripleToC == 6))
                        return 40;
                }
                if (!nso2OrNcn && (ncoOrNcs || nnnOrNnc)) return 10;
            }
        }
        if (degree == 2)
        {
            if (valence == 4)
            {
                foreach (var nb in t.Neighbors(atom))
                    if (t.KindBetween(atom, nb) == 3) return 61;
                return 53;
            }
            if (valence == 3)
            {
                bool nitroso = false, imineOrAzo = false;
                foreach (var nb in t.Neighbors(atom))
                {
                    if (t.KindBetween(atom, nb) != 2) continue;
                    nitroso = t.Z(nb) == 8 && nTermO == 1;
                    imineOrAzo = t.Z(nb) is 6 or 7;
                }
                if (nitroso && !imineOrAzo) return 46;
                if (imineOrAzo) return 9;
            }
            if (valence >= 2)
            {
                var nso = false;
                foreach (var nb in t.Neighbors(atom))
                {
                    if (nso) break;
                    if (t.Z(nb) != 16) continue;
                    var nO = 0;
                    foreach (var nb2 in t.Neighbors(nb))
                        if (t.Z(nb2) == 8 && t.Degree(nb2) == 1) nO++;
                    nso = nO == 1;
                }
                if (nso) return 48;
                if (!nso2OrNcn) return 62;
            }
        }
        if (nso2OrNcn) return 43;
        if (degree == 1)
        {
            foreach (var nb in t.Neighbors(atom))
            {
                if (t.KindBetween(atom, nb) == 3) return 42;
                if (t.Z(nb) == 7 && t.Degree(nb) == 2)
                {
                    foreach (var nb2 in t.Neighbors(nb))
                        if ((t.Z(nb2) == 7 && t.Degree(nb2) == 2) || (t.Z(nb2) == 6 && t.Degree(nb2) == 3)) return 47;
                }
            }
        }
        return 8;
    }

    private static int OxygenType(MmffTopology t, int atom)
    {
        var degree = t.Degree(atom);
        if (degree == 3) return 49;
        if (degree == 2)
        {
            if (t.Valence(atom) == 3) return 51;
            var nH = 0;
            foreach (var nb in t.Neighbors(atom))
                if (t.Z(nb) == 1) nH++;
            return nH == 2 ? 70 : 6;
        }
        if (degree > 1) return 0;
        bool oxideC = false, oxideN = false, oxideH = false, carboxylate = false, carbonyl = false, nitroso = false,
            nOxide = false, nitro = false, thioSulfinate = false, sulfate = false, sulfoxide = false, phosphate = false;
        foreach (var nb in t.Neighbors(atom))
        {
            int nN = 0, nO = 0, nS = 0;
            var zn = t.Z(nb);
            var kind = t.KindBetween(atom, nb);
            if (zn is 6 or 7 or 16)
            {
                foreach (var nb2 in t.Neighbors(nb))
                {
                    if (t.Z(nb2) == 7 && t.Degree(nb2) == 2) nN++;
                    if (t.Z(nb2) == 8 && t.Degree(nb2) == 1) nO++;
                    if (t.Z(nb2) == 16 && t.Degree(nb2) == 1) nS++;
                }
            }
            oxideH = zn == 1;
            if (zn == 6)
            {
                carboxylate = nO == 2;
                carbonyl = kind == 2;
                oxideC = kind == 1 && nO == 1;
            }
            if (zn == 7)
            {
                nitroso = kind == 2;
                if (kind == 1 && nO == 1)
                {
                    oxideN = t.Degree(nb) == 2 || t.Valence(nb) == 3;
                    nOxide = t.Valence(nb) == 4;
                }
                nitro = nO >= 2;
            }
            if (zn == 16)
            {
                thioSulfinate = nS == 1;
                sulfate = kind == 1 || (kind == 2 && nO + nN > 1);
                sulfoxide = kind == 2 && nO + nN == 1;
            }
            phosphate = zn is 15 or 17;
            if (oxideC || oxideN || oxideH || carboxylate || nitro || nOxide || thioSulfinate || sulfate || phosphate
                || carbonyl || nitroso || sulfoxide)
                break;
        }
        if (oxideC || oxideN || oxideH) return 35;
        if (carboxylate || nitro || nOxide || thioSulfinate || sulfate || phosphate) return 32;
        if (carbonyl || nitroso || sulfoxide) return 7;
        return 0;
    }

    private static int SulfurType(MmffTopology t, int atom)
    {
        var degree = t.Degree(atom);
        if (degree is 3 or 4)
        {
            int nOorN = 0, nS = 0;
            var doubleC = false;
            foreach (var nb in t.Neighbors(atom))
            {
                if (t.Z(nb) == 6 && t.KindBetween(atom, nb) == 2) doubleC = true;
                if ((t.Degree(nb) == 1 && t.Z(nb) == 8) || (t.Degree(nb) == 2 && t.Z(nb) == 7)) nOorN++;
                if (t.Degree(nb) == 1 && t.Z(nb) == 16) nS++;
            }
            if ((degree == 3 && nOorN == 2 && doubleC) || degree == 4) return 18;
            if ((nOorN > 0 && nS > 0) || (nOorN == 2 && !doubleC)) return 73;
            return 17;
        }
        if (degree == 2)
        {
            foreach (var nb in t.Neighbors(atom))
                if (t.Z(nb) == 8 && t.KindBetween(atom, nb) == 2) return 74;
            return 15;
        }
        if (degree == 1)
        {
            var nTermS = 0;
            var doubleC = false;
            foreach (var nb in t.Neighbors(atom))
            {
                foreach (var nb2 in t.Neighbors(nb))
                    if (t.Z(nb2) == 16 && t.Degree(nb2) == 1) nTermS++;
                if (t.Z(nb) == 6 && t.KindBetween(atom, nb) == 2) doubleC = true;
            }
            return doubleC && nTermS != 2 ? 16 : 72;
        }
        return 0;
    }

    private static int ChlorineType(MmffTopology t, int atom)
    {
        var degree = t.Degree(atom);
        if (degree == 4)
        {
            var nO = 0;
            foreach (var nb in t.Neighbors(atom))
                if (t.Z(nb) == 8) nO++;
            if (nO == 4) return 77;
        }
        if (degree == 1) return 12;
        if (degree == 0) return 90;
        return 0;
    }

    private static int HydrogenType(MmffTopology t, int atom, int[] types)
    {
        var type = 0;
        foreach (var nb in t.Neighbors(atom))
        {
            switch (t.Z(nb))
            {
                case 6:
                case 14:
                    type = 5;
                    break;
                case 7:
                    type = types[nb] switch
                    {
                        8 or 39 or 62 or 67 or 68 => 23,
                        34 or 54 or 55 or 56 or 58 or 81 => 36,
                        9 => 27,
                        _ => 28,
                    };
                    break;
                case 8:
                    type = types[nb] switch
                    {
                        49 => 50,
                        51 => 52,
                        70 => 31,
                        6 => HydroxylH(t, nb),
                        _ => 21,
                    };
                    break;
                case 15:
                case 16:
                    type = 71;
                    break;
            }
        }
        return type;
    }

    private static int HydroxylH(MmffTopology t, int oxygen)
    {
        bool hoccOrHocn = false, hoco = false, hop = false, hos = false;
        foreach (var nb in t.Neighbors(oxygen))
        {
            if (t.Z(nb) == 6)
            {
                foreach (var nb2 in t.Neighbors(nb))
                {
                    if (nb2 == oxygen) continue;
                    var kind = t.KindBetween(nb, nb2);
                    if (t.Z(nb2) is 6 or 7 && (kind == 2 || kind == MmffTopology.Aromatic)) hoccOrHocn = true;
                    if (t.Z(nb2) == 8 && kind == 2) hoco = true;
                }
            }
            if (t.Z(nb) == 15) hop = true;
            if (t.Z(nb) == 16) hos = true;
        }
        if (hoco || hop) return 24;
        if (hoccOrHocn) return 29;
        if (hos) return 33;
        return 21;
    }
}
