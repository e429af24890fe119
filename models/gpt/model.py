"""GPT-2 architecture (learned positions, pre-LayerNorm blocks, GELU MLP, tied unembedding).

Parameter names follow GPT-2/nanoGPT (wte, wpe, h.N.ln_1, attn.c_attn, ...) so the weights map
one-to-one onto Hugging Face's GPT2LMHeadModel. Attention is written out by hand (no fused kernel)
because the exported graph must return the attention probabilities and accept a KV cache.
"""
import math
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class GPTConfig:
    vocab_size: int = 8192
    block_size: int = 256
    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 128
    dropout: float = 0.0


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.n_head = cfg.n_head
        self.c_attn = nn.Linear(cfg.n_embd, 3 * cfg.n_embd)
        self.c_proj = nn.Linear(cfg.n_embd, cfg.n_embd)
        self.attn_dropout = nn.Dropout(cfg.dropout)
        self.resid_dropout = nn.Dropout(cfg.dropout)

    def forward(self, x, past_k=None, past_v=None):
        B, T, C = x.shape
        hd = C // self.n_head
        q, k, v = self.c_attn(x).split(C, dim=2)
        q = q.view(B, T, self.n_head, hd).transpose(1, 2)  # (B, nh, T, hd)
        k = k.view(B, T, self.n_head, hd).transpose(1, 2)
        v = v.view(B, T, self.n_head, hd).transpose(1, 2)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)  # (B, nh, P+T, hd)
            v = torch.cat([past_v, v], dim=2)
        P = k.shape[2] - T
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hd))  # (B, nh, T, P+T)
        # Query row i sits at absolute position P+i and may see keys 0..P+i. Filling with -inf
        # (not a large negative number) makes softmax return exact zeros above the diagonal.
        rows = torch.arange(T, device=x.device).unsqueeze(1) + P
        cols = torch.arange(k.shape[2], device=x.device).unsqueeze(0)
        att = att.masked_fill(cols > rows, float('-inf'))
        probs = F.softmax(att, dim=-1)
        y = self.attn_dropout(probs) @ v  # (B, nh, T, hd)
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        return self.resid_dropout(self.c_proj(y)), k, v, probs


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.c_fc = nn.Linear(cfg.n_embd, 4 * cfg.n_embd)
        self.c_proj = nn.Linear(4 * cfg.n_embd, cfg.n_embd)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x):
        act = F.gelu(self.c_fc(x))  # (B, T, 4C): the "neurons" the lab shows
        return self.dropout(self.c_proj(act)), act


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln_1 = nn.LayerNorm(cfg.n_embd)
        self.attn = CausalSelfAttention(cfg)
        self.ln_2 = nn.LayerNorm(cfg.n_embd)
        self.mlp = MLP(cfg)

    def forward(self, x, past_k=None, past_v=None):
        a, k, v, probs = self.attn(self.ln_1(x), past_k, past_v)
        x = x + a
        m, act = self.mlp(self.ln_2(x))
        x = x + m
        return x, k, v, probs, act


class GPT(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.wpe = nn.Embedding(cfg.block_size, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)
        self.h = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.n_embd)
        self.apply(self._init)
        # GPT-2's scaled init keeps the residual stream's variance flat across depth.
        for name, p in self.named_parameters():
            if name.endswith('c_proj.weight'):
                nn.init.normal_(p, 0.0, 0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, 0.0, 0.02)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, 0.0, 0.02)

    def forward(self, idx, past=None, internals=False):
        """idx (B, T); past: list of (k, v) per layer or None.

        Returns logits (B, T, V), presents [(k, v)], attentions (n_layer, B, nh, T, P+T) and
        inputs_embeds (B, T, C) = token + position embedding. With internals=True also
        hidden_states (n_layer+1, B, T, C): the residual stream after the embeddings and after
        every block (the last one before ln_f), and mlp_activations (n_layer, B, T, 4C): every
        block's MLP activation after GELU."""
        T = idx.shape[1]
        P = 0 if past is None else past[0][0].shape[2]
        pos = torch.arange(P, P + T, device=idx.device)
        inputs_embeds = self.wte(idx) + self.wpe(pos)
        x = self.drop(inputs_embeds)
        presents, attentions, hidden, acts = [], [], [x], []
        for i, block in enumerate(self.h):
            pk, pv = (None, None) if past is None else past[i]
            x, k, v, probs, act = block(x, pk, pv)
            presents.append((k, v))
            attentions.append(probs)
            if internals:
                hidden.append(x)
                acts.append(act)
        x = self.ln_f(x)
        logits = x @ self.wte.weight.t()  # tied unembedding
        if internals:
            return (logits, presents, torch.stack(attentions), inputs_embeds, torch.stack(hidden),
                    torch.stack(acts))
        return logits, presents, torch.stack(attentions), inputs_embeds

    def loss(self, idx, targets):
        logits = self.forward(idx)[0]
        return F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1))
