#!/usr/bin/env python3
"""gen_article.py SIZE OUT - writes a French press article of about SIZE
bytes for the benchmarks: paragraphs with quotations, speakers, roles and
check-worthy claims, separated by blank lines, varied by a fixed seed so
every run measures the same text."""
import random
import sys

random.seed(1)
size = int(sys.argv[1])
names = ['Manuel Valls', 'Claire Dubois', 'Paul Martin', 'Jane Porter', 'Louis Garnier']
verbs = ['a déclaré', 'a affirmé', 'a estimé', 'a concédé', 'a démenti']
paras = [
    lambda i: f"« Nous tiendrons l'objectif de {i % 97} % d'ici à {2020 + i % 9} », "
              f"{random.choice(verbs)} {random.choice(names)} devant la commission.",
    lambda i: f"Selon l'Insee, le chômage a reculé de {i % 7},{i % 10} points en {2000 + i % 25}, "
              "une baisse inédite depuis dix ans.",
    lambda i: "La séance a repris dans le calme après une courte pause, et les débats "
              "se sont poursuivis jusqu'au soir.",
    lambda i: f"Pour {random.choice(names)}, ce texte est « une erreur » qui coûtera "
              f"{i % 50} millions d'euros aux communes.",
    lambda i: f"Le ministre de l'Intérieur, {random.choice(names)}, a présenté mardi un plan "
              f"de {i % 300} mesures.",
]
out = []
n = i = 0
while n < size:
    p = paras[i % len(paras)](i) + "\n\n"
    out.append(p)
    n += len(p.encode())
    i += 1
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write(''.join(out))
